namespace Ombudsman.Workflows.Cases.ReadModel;

/// <summary>
/// A running case timer as the read model keeps it: a statutory deadline (shown to staff and parties), or a timer
/// that is not a deadline (a reminder, a retry) that still needs a row so the sweeper can bring it due by the app's clock.
/// </summary>
public sealed record CaseTimerRow
{
    /// <summary>Unique within the case; the <see cref="DeadlineDue.Key"/> the sweeper raises.</summary>
    public required string Key { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Null for a timer that is not a statutory deadline.</summary>
    public OpenDeadline? Deadline { get; init; }
}
