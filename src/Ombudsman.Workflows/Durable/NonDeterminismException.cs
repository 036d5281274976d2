namespace Ombudsman.Workflows.Durable;

/// <summary>Replay diverged from history: the orchestrator code no longer does what it did when the history was written.</summary>
public sealed class NonDeterminismException(string message) : Exception(message);
