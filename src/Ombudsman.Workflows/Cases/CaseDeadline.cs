using Ombudsman.Workflows.Statute;

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

    /// <summary>The calendar version of each decreed year a working-day count went through.</summary>
    public IReadOnlyList<CalendarVersionUsed> CalendarVersions { get; init; } = [];

    /// <summary>Years counted without a decree (weekends and fixed-date holidays only); the last day may move.</summary>
    public IReadOnlyList<int> ProvisionalYears { get; init; } = [];

    /// <summary>True when part of the count had no decree to go by.</summary>
    public bool Provisional => ProvisionalYears.Count > 0;
}
