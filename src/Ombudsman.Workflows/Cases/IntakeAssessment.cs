namespace Ombudsman.Workflows.Cases;

/// <summary>What intake found: the pinned rule set and the filing time-limit checks (P1, O1).</summary>
public sealed record IntakeAssessment
{
    public required string RuleSetVersion { get; init; }

    /// <summary>
    /// The pinned rule set's citations, by rule id and by provision name, so the workflow's own records cite the rule set
    /// rather than words of their own. Null in a history recorded before the assessment carried them.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Citations { get; init; }

    /// <summary>
    /// The pinned rule set's rule for each case step of the case's path (<see cref="Statute.RuleSteps"/>), by step, so the
    /// workflow starts the deadline the rule set names. Null in a history recorded before the assessment carried them.
    /// </summary>
    public IReadOnlyDictionary<string, string>? StepRules { get; init; }

    /// <summary>
    /// What the pinned rule set's counting rules count to (O6: missed summonses), by rule id. Null in a history recorded
    /// before the assessment carried them.
    /// </summary>
    public IReadOnlyDictionary<string, int>? Counts { get; init; }

    /// <summary>P1 (provider path): filed after 30 days; flagged, staff decide.</summary>
    public bool FiledLate { get; init; }

    /// <summary>O1 (Ombudsman path): reported after 2 years; rejected.</summary>
    public bool ReportTooLate { get; init; }

    /// <summary>How the time limit was checked, with its citation; null when there was nothing to check.</summary>
    public string? Explanation { get; init; }
}
