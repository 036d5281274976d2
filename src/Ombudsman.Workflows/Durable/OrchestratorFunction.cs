namespace Ombudsman.Workflows.Durable;

/// <summary>An orchestrator as the runtime calls it: serialized input in, serialized output out.</summary>
public delegate Task<string?> OrchestratorFunction(OrchestrationContext context, string? input);
