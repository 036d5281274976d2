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

    // How the deadline was counted, for a reader in any language; absent on deadlines recorded before they were kept.

    /// <summary>The date the count started from (the trigger's legal date); null for a date set in a decision.</summary>
    public DateOnly? CountedFrom { get; init; }

    /// <summary>The rule's time limit that was counted; null for a date set in a decision.</summary>
    public RuleDuration? Duration { get; init; }

    /// <summary>True when the last day was set in a decision rather than counted.</summary>
    public bool SetInDecision { get; init; }

    /// <summary>True when a calendar-day count ended on a non-working day and was moved to the next working day.</summary>
    public bool MovedToNextWorkingDay { get; init; }

    /// <summary>National holidays a working-day count skipped.</summary>
    public int HolidaysSkipped { get; init; }

    /// <summary>Collective-leave days a working-day count skipped.</summary>
    public int CollectiveLeaveSkipped { get; init; }

    /// <summary>The suspensions that moved the last day, in order.</summary>
    public IReadOnlyList<DeadlineSuspensionPeriod> Suspensions { get; init; } = [];

    /// <summary>For a deadline the law starts on receipt of a notice (P6, O3): when and how the party received it.</summary>
    public NoticeReceipt? CountedFromReceipt { get; init; }
}
