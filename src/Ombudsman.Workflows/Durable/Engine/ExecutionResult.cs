namespace Ombudsman.Workflows.Durable.Engine;

/// <summary>What one step of an orchestrator produced.</summary>
internal sealed record ExecutionResult
{
    public required IReadOnlyList<OrchestratorAction> NewActions { get; init; }

    /// <summary>Null while the orchestration is still running.</summary>
    public OrchestrationStatus? Completion { get; init; }

    public string? Output { get; init; }

    public FailureDetails? Failure { get; init; }

    public bool ContinuedAsNew { get; init; }

    public string? ContinueAsNewInput { get; init; }

    public string? CustomStatus { get; init; }

    public required IReadOnlyDictionary<string, string> IndexFields { get; init; }
}
