namespace Ombudsman.Workflows.Cases;

/// <summary>A deadline computed from the pinned rule set, as recorded in the case's history.</summary>
public sealed record CaseDeadline
{
    public required string RuleId { get; init; }

    public required string Kind { get; init; }

    public required string Citation { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public required DateOnly DueDate { get; init; }

    public required string Explanation { get; init; }
}
