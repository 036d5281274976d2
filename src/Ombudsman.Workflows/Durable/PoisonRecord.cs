namespace Ombudsman.Workflows.Durable;

/// <summary>A message that kept failing: where it went and why.</summary>
public sealed record PoisonRecord(string MessageId, string Queue, string Reason, int DequeueCount, DateTimeOffset At);
