using Ombudsman.Workflows.Orchestrations;

namespace Ombudsman.Workflows.Cases;

/// <summary>Which case orchestrator new cases start on (docs/CASES.md, "Versioning").</summary>
public sealed record CaseWorkflowOptions
{
    /// <summary>
    /// The orchestrator name new filings start. A change that would replay running cases differently ships under a
    /// new name registered beside the old one; new cases start on it, running cases finish on the name they started on.
    /// </summary>
    public string NewCasesRunOn { get; init; } = Case2Orchestration.Name;
}
