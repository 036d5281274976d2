using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Staff;

/// <summary>
/// The body of a staff action: the details the action needs (checked by <see cref="CaseStageRules"/>). Who acted is
/// the signed-in staff member, never the body; when is the workflow's time of the step.
/// </summary>
internal sealed record StaffActionRequest
{
    /// <summary>What was done, decided or said; required for close-case and withdraw (the reason).</summary>
    public string? Note { get; init; }

    /// <summary>file-incomplete: the items the complainant must supply.</summary>
    public IReadOnlyList<string>? MissingItems { get; init; }

    /// <summary>mediation-outcome: agreed, failed or anotherRound.</summary>
    public MediationResult? MediationResult { get; init; }

    /// <summary>adjudication-decision (required) or decision-issued: compensation in rupiah.</summary>
    public decimal? CompensationAmount { get; init; }

    /// <summary>With the amount: the last day to pay (yyyy-MM-dd).</summary>
    public DateOnly? PaymentDueDate { get; init; }

    /// <summary>decision-issued on the Ombudsman path: maladministration found.</summary>
    public bool? Maladministration { get; init; }

    /// <summary>decision-issued on the Ombudsman path: corrective actions to carry out.</summary>
    public IReadOnlyList<string>? CorrectiveActions { get; init; }

    /// <summary>close-case: rejected, noAuthority, referred or unresolved.</summary>
    public CaseClosedReason? ClosedReason { get; init; }

    /// <summary>suspend-deadline and resume-deadline: the rule of the running deadline, e.g. "P6".</summary>
    public string? RuleId { get; init; }

    /// <summary>
    /// suspend-deadline: awaitingComplainantClarification, agreedExtension, forceMajeure or courtProceedings. Read as
    /// text so an unknown reason is answered with the list, not as a malformed body.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>
    /// examination-stopped: settledByReportedParty, beforeCourt, handledByAnotherBody or reporterNotPursuing. Read as
    /// text so an unknown reason is answered with the list (the action's missing details), not as a malformed body.
    /// </summary>
    public string? StopReason { get; init; }

    /// <summary>notification-resend, notification-delivered-otherwise: the notification's key, as the case lists it.</summary>
    public string? NotificationKey { get; init; }

    /// <summary>notification-delivered-otherwise: letter, phone or in-person.</summary>
    public string? DeliveredBy { get; init; }

    /// <summary>
    /// notification-delivered-otherwise: the date the party received it (yyyy-MM-dd; not before it was sent, not after
    /// today); absent means today. A deadline that starts on the notice's receipt counts from it.
    /// </summary>
    public DateOnly? DeliveredOn { get; init; }

    /// <summary>transfer-office: the code of the office that receives the case, e.g. "PAP" (the reason goes in the note).</summary>
    public string? ReceivingOffice { get; init; }

    public CaseAction ToAction(CaseActor actor) => new()
    {
        Actor = actor,
        Note = Note,
        MissingItems = MissingItems,
        MediationResult = MediationResult,
        CompensationAmount = CompensationAmount,
        PaymentDueDate = PaymentDueDate,
        Maladministration = Maladministration,
        CorrectiveActions = CorrectiveActions,
        ClosedReason = ClosedReason,
        DeadlineRuleId = RuleId?.Trim(),
        SuspensionReason = SuspensionReasons.Parse(Reason),
        StopReason = ExaminationStopReasons.Parse(StopReason),
        NotificationKey = NotificationKey,
        DeliveredBy = DeliveredBy,
        DeliveredOn = DeliveredOn,
        ReceivingOffice = ReceivingOffice?.Trim().ToUpperInvariant(),
    };
}
