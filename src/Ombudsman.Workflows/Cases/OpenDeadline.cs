namespace Ombudsman.Workflows.Cases;

/// <summary>A statutory deadline running on a case, as shown on tracking pages.</summary>
public sealed record OpenDeadline
{
    /// <summary>The rule of the pinned rule set, e.g. "P6".</summary>
    public required string RuleId { get; init; }

    /// <summary>What the deadline is for, e.g. "cure-window".</summary>
    public required string Kind { get; init; }

    /// <summary>The instant it passes (end of <see cref="DueDate"/> in the office's zone).</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The last day (office-local legal date) on which acting is in time.</summary>
    public required DateOnly DueDate { get; init; }

    public required string Citation { get; init; }

    /// <summary>How it was counted.</summary>
    public string? Explanation { get; init; }

    /// <summary>
    /// Counted into a year whose holiday decree is not published yet (weekends and fixed-date national holidays
    /// only): the last day may still move when the decree is published.
    /// </summary>
    public bool Provisional { get; init; }

    /// <summary>The years counted provisionally.</summary>
    public IReadOnlyList<int> ProvisionalYears { get; init; } = [];

    /// <summary>The calendar version of each decreed year the count used: what a later amendment of that year is compared with.</summary>
    public IReadOnlyList<Statute.CalendarVersionUsed> CalendarVersions { get; init; } = [];
}
