namespace Ombudsman.Workflows.Cases;

/// <summary>Asks for a rule's deadline on a case: counted from <see cref="TriggerAt"/>, or fixed by a decision.</summary>
public sealed record DeadlineRequest
{
    public required string RuleSetVersion { get; init; }

    public required string RuleId { get; init; }

    public required string Kind { get; init; }

    public required string OfficeTimeZone { get; init; }

    public required DateTimeOffset TriggerAt { get; init; }

    /// <summary>A last day set in a decision (P10, O12 payment); the rule then gives only the citation.</summary>
    public DateOnly? FixedDueDate { get; init; }

    /// <summary>
    /// For a recount after a publication: the calendar must hold at least this version of the year. An instance whose
    /// cached calendar is older fails the attempt (and the retry reads it again) rather than count with the old one.
    /// </summary>
    public Statute.CalendarVersionUsed? RequiredCalendar { get; init; }

    /// <summary>
    /// A suspended deadline resumed at <see cref="TriggerAt"/>: its last day moves by the days it stood still, counted
    /// in the rule's own day type with the calendar, instead of a new count.
    /// </summary>
    public DeadlineResumption? Resumes { get; init; }

    /// <summary>
    /// A deadline the law starts on receipt of a notice: <see cref="TriggerAt"/> is the receipt, and the deadline names
    /// it (a recount after a calendar publication keeps counting from it).
    /// </summary>
    public NoticeReceipt? Receipt { get; init; }
}

/// <summary>The deadline that stood still, and since when.</summary>
public sealed record DeadlineResumption
{
    public required CaseDeadline Deadline { get; init; }

    public required DateTimeOffset SuspendedAt { get; init; }

    public required SuspensionReason Reason { get; init; }
}
