using Ombudsman.Workflows.Orchestrations;

namespace Ombudsman.Workflows.Cases;

/// <summary>Which case orchestrator new cases start on (docs/CASES.md, "Versioning"), and how long commands wait for a case.</summary>
public sealed record CaseWorkflowOptions
{
    /// <summary>
    /// The orchestrator name new filings start. A change that would replay running cases differently ships under a
    /// new name registered beside the old one; new cases start on it, running cases finish on the name they started on.
    /// </summary>
    public string NewCasesRunOn { get; init; } = Case2Orchestration.Name;

    /// <summary>
    /// How long filing waits for intake, and an action for the case to apply it, before answering anyway; a filing
    /// whose case is not even registered by then is undone.
    /// </summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
