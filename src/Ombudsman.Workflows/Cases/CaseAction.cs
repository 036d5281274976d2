namespace Ombudsman.Workflows.Cases;

/// <summary>
/// The payload of every case event: who acted, and the details that event needs (checked by
/// <see cref="CaseStageRules"/>). When it happened is the orchestration's time of the step, never the caller's clock.
/// </summary>
public sealed record CaseAction
{
    public required CaseActor Actor { get; init; }

    /// <summary>Free text: what was submitted, said or decided.</summary>
    public string? Note { get; init; }

    /// <summary><see cref="CaseEvents.FileIncomplete"/>: the items the complainant must supply (UU 25/2009 art. 42(3)).</summary>
    public IReadOnlyList<string>? MissingItems { get; init; }

    /// <summary><see cref="CaseEvents.MediationOutcome"/>.</summary>
    public MediationResult? MediationResult { get; init; }

    /// <summary>Decision or adjudication: compensation in rupiah (UU 25/2009 art. 50(3)).</summary>
    public decimal? CompensationAmount { get; init; }

    /// <summary>Decision or adjudication: the last day to pay the compensation (office-local date).</summary>
    public DateOnly? PaymentDueDate { get; init; }

    /// <summary>Ombudsman final result (LHP): maladministration found.</summary>
    public bool? Maladministration { get; init; }

    /// <summary>Ombudsman final result (LHP): corrective actions the reported party must carry out (O10).</summary>
    public IReadOnlyList<string>? CorrectiveActions { get; init; }

    /// <summary>Resending or recording another delivery of a notification: its idempotency key, as the case lists it.</summary>
    public string? NotificationKey { get; init; }

    /// <summary><see cref="CaseEvents.NotificationDeliveredOtherwise"/>: one of <see cref="CaseEvents.OtherMeans"/>.</summary>
    public string? DeliveredBy { get; init; }

    /// <summary>
    /// <see cref="CaseEvents.NotificationDeliveredOtherwise"/>: the office-local date the party received it (not before
    /// it was sent, not in the future); absent means the day it is recorded. A clock that starts on receipt counts from it.
    /// </summary>
    public DateOnly? DeliveredOn { get; init; }

    /// <summary><see cref="CaseEvents.CloseCase"/>: one of <see cref="CaseStageRules.StaffClosingReasons"/>.</summary>
    public CaseClosedReason? ClosedReason { get; init; }

    /// <summary><see cref="CaseEvents.SuspendDeadline"/> and <see cref="CaseEvents.ResumeDeadline"/>: the rule of the deadline, e.g. "P6".</summary>
    public string? DeadlineRuleId { get; init; }

    /// <summary><see cref="CaseEvents.SuspendDeadline"/>: why the clock stops.</summary>
    public SuspensionReason? SuspensionReason { get; init; }

    /// <summary><see cref="CaseEvents.ExaminationStopped"/>: why the examination stops.</summary>
    public ExaminationStopReason? StopReason { get; init; }

    /// <summary><see cref="CaseEvents.CalendarAmended"/>: the calendar version that was published.</summary>
    public CalendarPublication? Calendar { get; init; }

    /// <summary><see cref="CaseEvents.TransferOffice"/>: the code of the office that receives the case, e.g. "PAP".</summary>
    public string? ReceivingOffice { get; init; }
}
