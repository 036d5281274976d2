namespace Ombudsman.Workflows.Statute;

/// <summary>A computed statutory deadline: when it falls due, under which law, and how it was counted.</summary>
public sealed record Deadline
{
    public required string RuleId { get; init; }

    /// <summary>The rule-set version the rule came from (pinned on the case).</summary>
    public required string RuleSetVersion { get; init; }

    public required string Citation { get; init; }

    /// <summary>The legal date of the event that started the clock; day 1 is the day after it.</summary>
    public required DateOnly TriggerDate { get; init; }

    /// <summary>The last day of the period (office-local legal date): an act on this day is in time.</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>
    /// The end of <see cref="DueDate"/> in the office's zone, in UTC: the first instant of the next day.
    /// The end is exclusive: an act before this instant is in time, at or after it is late, and a timer fires at it.
    /// </summary>
    public required DateTimeOffset DueInstant { get; init; }

    public required OfficeTimeZone Office { get; init; }

    public required RuleDuration Duration { get; init; }

    /// <summary>True when the last day fell on a non-working day and was moved to the next working day.</summary>
    public bool MovedToNextWorkingDay { get; init; }

    /// <summary>National holidays a working-day count skipped (weekends aside).</summary>
    public int HolidaysSkipped { get; init; }

    /// <summary>Collective-leave days a working-day count skipped.</summary>
    public int CollectiveLeaveSkipped { get; init; }

    /// <summary>
    /// Years counted with weekends only because no holiday calendar was loaded for them (allowed by
    /// <see cref="StatuteOptions.AllowWeekendOnlyFallback"/>); empty when the real calendar was used throughout.
    /// </summary>
    public IReadOnlyList<int> WeekendOnlyFallbackYears { get; init; } = [];

    /// <summary>The calendar version of each decreed year the count went through (empty for a pure calendar-day count).</summary>
    public IReadOnlyList<CalendarVersionUsed> CalendarVersions { get; init; } = [];

    /// <summary>
    /// Years counted provisionally, without a decree (<see cref="StatuteOptions.ProvisionalYears"/>); the deadline may
    /// move when the year's decree is published.
    /// </summary>
    public IReadOnlyList<int> ProvisionalYears { get; init; } = [];

    /// <summary>True when part of the count had no decree to go by.</summary>
    public bool IsProvisional => ProvisionalYears.Count > 0;

    /// <summary>How the deadline was counted, e.g. "14 calendar days from 2026-03-16; ends 2026-03-30 23:59 WIB".</summary>
    public required string Explanation { get; init; }
}
