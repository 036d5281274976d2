namespace Ombudsman.Workflows.Notifications;

/// <summary>Every notification of STATUTE.md "Notifications"; each id has a file per language in Templates/.</summary>
internal static class TemplateIds
{
    /// <summary>Receipt with tracking link (tanda terima), UU 25/2009 art. 44.</summary>
    public const string ComplainantReceipt = "complainant-receipt";

    /// <summary>File incomplete: what is missing and the cure deadline, UU 25/2009 art. 45(1)-(2).</summary>
    public const string ComplainantFileIncomplete = "complainant-file-incomplete";

    /// <summary>Cure reminder 7 days and 1 day before the cure deadline.</summary>
    public const string ComplainantCureReminder = "complainant-cure-reminder";

    /// <summary>Deemed withdrawn (dianggap mencabut), UU 25/2009 art. 45(3).</summary>
    public const string ComplainantDeemedWithdrawn = "complainant-deemed-withdrawn";

    /// <summary>File complete and routed (UU 25/2009 art. 46).</summary>
    public const string ComplainantFileComplete = "complainant-file-complete";

    public const string ComplainantProviderResponseReceived = "complainant-provider-response-received";

    public const string ComplainantMediationScheduled = "complainant-mediation-scheduled";

    /// <summary>The Ombudsman offers mediation or conciliation (O7); the complainant may ask for it.</summary>
    public const string ComplainantMediationOffered = "complainant-mediation-offered";

    /// <summary>The Ombudsman offers mediation or conciliation (O7); the provider may ask for it.</summary>
    public const string ProviderMediationOffered = "provider-mediation-offered";

    public const string ComplainantMediationOutcome = "complainant-mediation-outcome";

    /// <summary>Decision or final result delivered with a copy, UU 25/2009 art. 50(2), 50(9).</summary>
    public const string ComplainantDecisionDelivered = "complainant-decision-delivered";

    /// <summary>Compensation set with its payment deadline, UU 25/2009 art. 50(3)-(4).</summary>
    public const string ComplainantCompensationSet = "complainant-compensation-set";

    public const string ComplainantCompensationPaid = "complainant-compensation-paid";

    public const string ComplainantCompensationOverdue = "complainant-compensation-overdue";

    public const string ComplainantCaseClosed = "complainant-case-closed";

    /// <summary>A new tracking link, asked for by the complainant; the old link stops working.</summary>
    public const string ComplainantTrackingLink = "complainant-tracking-link";

    /// <summary>The report was handed to another regional office (PO 58/2023 art. 17); same number, same link.</summary>
    public const string ComplainantCaseTransferred = "complainant-case-transferred";

    /// <summary>To the staff of the sending and of the receiving office: a case changed office (PO 58/2023 art. 17).</summary>
    public const string StaffCaseTransferred = "staff-case-transferred";

    /// <summary>Draft examination result to the reporter, with the O8 response deadline (PO 48/2020 practice).</summary>
    public const string ComplainantDraftResult = "complainant-draft-result";

    /// <summary>New case for the provider with the upload link and response deadline.</summary>
    public const string ProviderNewCase = "provider-new-case";

    /// <summary>The provider's capability link to its page of the case, sent when staff issue it; the earlier link stops working.</summary>
    public const string ProviderLink = "provider-link";

    public const string ProviderReminder = "provider-reminder";

    public const string ProviderOverdue = "provider-overdue";

    public const string ProviderDecision = "provider-decision";

    public const string ProviderMediationOutcome = "provider-mediation-outcome";

    /// <summary>Recommendation to the reported party's superior, to implement in 60 days (UU 37/2008 art. 38).</summary>
    public const string ProviderRecommendationIssued = "provider-recommendation-issued";

    /// <summary>A running deadline moved because a holiday calendar was published or amended; the decree is cited.</summary>
    public const string ComplainantDeadlineMoved = "complainant-deadline-moved";

    /// <summary>The provider's deadline moved because a holiday calendar was published or amended; the decree is cited.</summary>
    public const string ProviderDeadlineMoved = "provider-deadline-moved";

    /// <summary>A case needs staff now: a deadline passed, a clarification or draft went unanswered, a deadline could not be computed.</summary>
    public const string StaffEscalation = "staff-escalation";

    /// <summary>Each morning per office: deadlines due within 3 days and overdue ones.</summary>
    public const string StaffDigest = "staff-digest";

    public static IReadOnlyList<string> All { get; } =
    [
        ComplainantReceipt, ComplainantFileIncomplete, ComplainantCureReminder, ComplainantDeemedWithdrawn,
        ComplainantFileComplete, ComplainantProviderResponseReceived, ComplainantMediationScheduled,
        ComplainantMediationOutcome, ComplainantDecisionDelivered, ComplainantCompensationSet,
        ComplainantCompensationPaid, ComplainantCompensationOverdue, ComplainantCaseClosed, ComplainantDraftResult,
        ComplainantTrackingLink, ComplainantDeadlineMoved, ComplainantMediationOffered, ComplainantCaseTransferred,
        ProviderNewCase, ProviderLink, ProviderReminder, ProviderOverdue, ProviderDecision, ProviderMediationOutcome,
        ProviderRecommendationIssued, ProviderDeadlineMoved, ProviderMediationOffered, StaffDigest, StaffEscalation, StaffCaseTransferred,
    ];
}
