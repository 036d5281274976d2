namespace Ombudsman.Workflows.Cases;

/// <summary>Names of the external events a case accepts; each carries a <see cref="CaseAction"/>.</summary>
public static class CaseEvents
{
    /// <summary>Staff: the file is complete (P5 / O4 answered).</summary>
    public const string FileComplete = "file-complete";

    /// <summary>Staff: the file is incomplete; <see cref="CaseAction.MissingItems"/> lists what is missing.</summary>
    public const string FileIncomplete = "file-incomplete";

    /// <summary>Complainant: the missing items were supplied within the cure window.</summary>
    public const string CureSubmitted = "cure-submitted";

    /// <summary>Provider: its response (or an answer to a clarification request) was submitted.</summary>
    public const string ProviderResponseSubmitted = "provider-response-submitted";

    /// <summary>Complainant or staff: documents the complainant needs as proof were asked of the provider (P3).</summary>
    public const string EvidenceRequested = "evidence-requested";

    /// <summary>Provider or staff: the documents asked for were handed over (P3).</summary>
    public const string EvidenceProvided = "evidence-provided";

    /// <summary>Staff: the draft examination result went to the reporter, who may respond in 14 days (O8).</summary>
    public const string DraftResultIssued = "draft-result-issued";

    /// <summary>Complainant or staff: the reporter's response to the draft result (O8).</summary>
    public const string DraftResultResponse = "draft-result-response";

    /// <summary>Staff: a clarification request went to the reported party (O5).</summary>
    public const string ClarificationRequested = "clarification-requested";

    /// <summary>Staff: a summoned person did not appear (O6).</summary>
    public const string SummonsMissed = "summons-missed";

    /// <summary>A party or staff: mediation or conciliation is asked for (O7).</summary>
    public const string MediationRequested = "mediation-requested";

    /// <summary>Staff: the outcome of a mediation round; <see cref="CaseAction.MediationResult"/>.</summary>
    public const string MediationOutcome = "mediation-outcome";

    /// <summary>Staff: the special adjudication decision with amount and payment deadline (O12).</summary>
    public const string AdjudicationDecision = "adjudication-decision";

    /// <summary>Staff: the decision (provider path) or final examination result (Ombudsman path) was issued.</summary>
    public const string DecisionIssued = "decision-issued";

    /// <summary>Staff: the decision was delivered to the complainant with a copy (P9, P11).</summary>
    public const string DecisionDelivered = "decision-delivered";

    /// <summary>The compensation was paid.</summary>
    public const string PaymentConfirmed = "payment-confirmed";

    /// <summary>Provider or staff: the corrective actions were carried out (O10).</summary>
    public const string CorrectiveActionsReported = "corrective-actions-reported";

    /// <summary>Provider or staff: the recommendation was implemented (O11).</summary>
    public const string RecommendationImplemented = "recommendation-implemented";

    /// <summary>Complainant: withdraws the complaint, at any stage.</summary>
    public const string Withdraw = "withdraw";

    /// <summary>Staff: close the case as rejected or without authority, with reason.</summary>
    public const string CloseCase = "close-case";

    /// <summary>
    /// Staff: stop the clock of a running deadline (<see cref="CaseAction.DeadlineRuleId"/>) for a
    /// <see cref="CaseAction.SuspensionReason"/>; its timer and reminders stop until it is resumed.
    /// </summary>
    public const string SuspendDeadline = "suspend-deadline";

    /// <summary>Staff: run a suspended deadline again; its last day moves by the days it stood still, in the rule's day type.</summary>
    public const string ResumeDeadline = "resume-deadline";

    /// <summary>
    /// Staff: send again a notification of the case that did not arrive or may not have (<see cref="CaseAction.NotificationKey"/>),
    /// under a new idempotency key of its own; one already dealt with is not sent again.
    /// </summary>
    public const string NotificationResend = "notification-resend";

    /// <summary>
    /// Staff: the party was told what a notification that did not arrive says by other means
    /// (<see cref="CaseAction.DeliveredBy"/>: letter, phone or in person); the notification no longer awaits delivery.
    /// </summary>
    public const string NotificationDeliveredOtherwise = "notification-delivered-otherwise";

    /// <summary>How a notification can be delivered other than by email (<see cref="NotificationDeliveredOtherwise"/>).</summary>
    public static IReadOnlyList<string> OtherMeans { get; } = ["letter", "phone", "in-person"];

    /// <summary>
    /// System: a holiday calendar year was published or amended (<see cref="CaseAction.Calendar"/>); the case recounts
    /// its deadlines that went through that year. Raised by the calendar publication's fan-out, never by a person.
    /// </summary>
    public const string CalendarAmended = "calendar-amended";

    /// <summary>
    /// Staff, Ombudsman path: the Ombudsman offered the parties mediation or conciliation (O7: the Ombudsman must offer
    /// it); both parties are sent the offer notice. Offered once.
    /// </summary>
    public const string MediationOffered = "mediation-offered";

    /// <summary>Provider or staff: the agreement reached in mediation or conciliation was carried out (O7A); the case is resolved.</summary>
    public const string AgreementCarriedOut = "agreement-carried-out";

    /// <summary>
    /// Staff, Ombudsman path: the examination is stopped (O9) for <see cref="CaseAction.StopReason"/>, with the reason
    /// in the note; the case closes as <see cref="CaseClosedReason.ExaminationStopped"/>.
    /// </summary>
    public const string ExaminationStopped = "examination-stopped";

    /// <summary>Staff: after resolution and monitoring (O10A) the corrective actions are still not done; a recommendation goes to the superior (O11).</summary>
    public const string RecommendationIssued = "recommendation-issued";

    /// <summary>
    /// Complainant or staff, Ombudsman path: special adjudication is asked for after mediation or conciliation failed on
    /// a complaint claiming compensation; O12 is counted from this request.
    /// </summary>
    public const string AdjudicationRequested = "adjudication-requested";

    /// <summary>
    /// Head of office: hand the report to the regional office of the reported party's territory
    /// (<see cref="CaseAction.ReceivingOffice"/>, the reason in the note). The case keeps its id and receipt, its
    /// deadlines keep their last days in the receiving office's zone, and the sending office no longer sees it.
    /// </summary>
    public const string TransferOffice = "transfer-office";

    /// <summary>Every event name; the orchestrator listens to all of them so a wrong-stage event is refused, not left waiting.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        FileComplete, FileIncomplete, CureSubmitted, ProviderResponseSubmitted, EvidenceRequested, EvidenceProvided,
        DraftResultIssued, DraftResultResponse, ClarificationRequested, SummonsMissed,
        MediationRequested, MediationOutcome, AdjudicationDecision, DecisionIssued, DecisionDelivered, PaymentConfirmed,
        CorrectiveActionsReported, RecommendationImplemented, Withdraw, CloseCase, SuspendDeadline, ResumeDeadline,
        NotificationResend, NotificationDeliveredOtherwise,
        CalendarAmended,
        MediationOffered, AgreementCarriedOut, ExaminationStopped, RecommendationIssued, AdjudicationRequested, TransferOffice,
    ];
}
