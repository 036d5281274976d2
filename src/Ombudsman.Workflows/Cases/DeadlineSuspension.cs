using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Cases;

/// <summary>A deadline's clock stopped now: since when (in the case's time and as the office's legal date), why, and by whom.</summary>
public sealed record DeadlineSuspension
{
    public required DateTimeOffset Since { get; init; }

    /// <summary>The office-local legal date the clock stopped on.</summary>
    public required DateOnly SinceDate { get; init; }

    public required SuspensionReason Reason { get; init; }

    /// <summary>The staff member who suspended it.</summary>
    public CaseActor? By { get; init; }

    /// <summary>When the head of office was told the suspension had lasted longer than Statute:SuspensionAlertDays; null until then.</summary>
    public DateTimeOffset? FlaggedAt { get; init; }
}

/// <summary>
/// A suspension that ended: the last day moved by <see cref="Days"/> days of the rule's own day type, counted from the
/// day after <see cref="From"/> to <see cref="To"/> inclusive (the resumption day is given back, the day the clock
/// stopped had run, as a count starting again from the resumption would have it).
/// </summary>
public sealed record DeadlineSuspensionPeriod
{
    /// <summary>The legal date the clock stopped on.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The legal date the clock ran again.</summary>
    public required DateOnly To { get; init; }

    public required int Days { get; init; }

    public required DayType DayType { get; init; }

    public required SuspensionReason Reason { get; init; }
}
