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

    // How the deadline was counted, for a reader in any language; absent on deadlines recorded before they were kept.

    /// <summary>The date the count started from (the trigger's legal date); null for a date set in a decision.</summary>
    public DateOnly? CountedFrom { get; init; }

    /// <summary>The rule's time limit that was counted; null for a date set in a decision.</summary>
    public Statute.RuleDuration? Duration { get; init; }

    /// <summary>True when the last day was set in a decision rather than counted.</summary>
    public bool SetInDecision { get; init; }

    /// <summary>True when a calendar-day count ended on a non-working day and was moved to the next working day.</summary>
    public bool MovedToNextWorkingDay { get; init; }

    /// <summary>National holidays a working-day count skipped.</summary>
    public int HolidaysSkipped { get; init; }

    /// <summary>Collective-leave days a working-day count skipped.</summary>
    public int CollectiveLeaveSkipped { get; init; }

    /// <summary>
    /// Set while staff have stopped the deadline's clock: since when and why. Its timer does not run then, and
    /// <see cref="DueDate"/> is the last day it had when it stopped; resuming moves it.
    /// </summary>
    public DeadlineSuspension? Suspended { get; init; }

    /// <summary>The suspensions that ended, each with the days the last day moved by.</summary>
    public IReadOnlyList<DeadlineSuspensionPeriod> Suspensions { get; init; } = [];

    /// <summary>For a deadline the law starts on receipt of a notice (P6, O3): when and how the party received it.</summary>
    public NoticeReceipt? CountedFromReceipt { get; init; }
}
