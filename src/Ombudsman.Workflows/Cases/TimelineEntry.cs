namespace Ombudsman.Workflows.Cases;

/// <summary>
/// One thing that happened on a case: when, who, what, of which kind, and who may see it. What a party sees is
/// decided by <see cref="Kind"/>, <see cref="Visibility"/> and the actor's role, never by reading <see cref="What"/>.
/// </summary>
public sealed record TimelineEntry
{
    public required DateTimeOffset At { get; init; }

    public required CaseActor Actor { get; init; }

    public required string What { get; init; }

    public TimelineKind Kind { get; init; } = TimelineKind.Progress;

    public TimelineVisibility Visibility { get; init; } = TimelineVisibility.Public;

    /// <summary>For <see cref="TimelineKind.Action"/> and <see cref="TimelineKind.Refused"/>: the event (one of <see cref="CaseEvents"/>).</summary>
    public string? Event { get; init; }

    /// <summary>
    /// For <see cref="TimelineKind.Progress"/>: which step of the workflow this is (one of <see cref="TimelineSteps"/>),
    /// so a reader's page words it from the code rather than from <see cref="What"/>. Entries recorded before steps had
    /// codes have none.
    /// </summary>
    public string? Step { get; init; }
}

/// <summary>What a timeline entry records.</summary>
public enum TimelineKind
{
    /// <summary>The complaint was received.</summary>
    Received,

    /// <summary>A step of the workflow (a check, a consequence, a receipt).</summary>
    Progress,

    /// <summary>The case entered a stage.</summary>
    Stage,

    /// <summary>A statutory deadline started.</summary>
    Deadline,

    /// <summary>A statutory deadline passed.</summary>
    DeadlinePassed,

    /// <summary>A deadline passed without the step being done: overdue, maybe escalated.</summary>
    Overdue,

    /// <summary>A staff or party action the case accepted; the note in <see cref="TimelineEntry.What"/> is the actor's.</summary>
    Action,

    /// <summary>An action the case refused, with the reason.</summary>
    Refused,

    /// <summary>A notification that was not (or may not have been) delivered.</summary>
    Notification,

    /// <summary>The case closed, with its reason.</summary>
    Closed,

    /// <summary>Staff stopped a deadline's clock, with the reason.</summary>
    DeadlineSuspended,

    /// <summary>A suspended deadline runs again; its last day moved by the days it stood still.</summary>
    DeadlineResumed,

    /// <summary>A running deadline's last day moved: recounted with an amended holiday calendar, the decree cited.</summary>
    DeadlineMoved,
}

/// <summary>Who may see a timeline entry.</summary>
public enum TimelineVisibility
{
    /// <summary>The complainant (tracking), the provider and staff.</summary>
    Public,

    /// <summary>The provider and staff.</summary>
    Provider,

    /// <summary>Staff only: internal workings and notes.</summary>
    Staff,
}
