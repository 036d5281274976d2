namespace Ombudsman.Workflows.Statute;

/// <summary>Whether an act (filing a complaint, making a report) came within its time limit.</summary>
public enum TimeLimitOutcome
{
    /// <summary>On or before the last day.</summary>
    InTime,

    /// <summary>After the last day; the rule's consequence applies (P1: flagged late; O1: rejected).</summary>
    Late,
}
