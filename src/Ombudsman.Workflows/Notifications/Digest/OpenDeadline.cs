namespace Ombudsman.Workflows.Notifications;

/// <summary>A running statutory deadline of a case, as the deadline index reports it.</summary>
internal sealed record OpenDeadline
{
    public required string OfficeId { get; init; }

    public required string CaseId { get; init; }

    /// <summary>The rule from STATUTE.md, e.g. "P5" or "O10".</summary>
    public required string RuleId { get; init; }

    /// <summary>The legal basis, e.g. "UU 25/2009 art. 45(1)".</summary>
    public required string Citation { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The case's stage, in the office's language.</summary>
    public required string Stage { get; init; }
}
