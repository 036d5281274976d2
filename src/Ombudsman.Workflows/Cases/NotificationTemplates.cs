namespace Ombudsman.Workflows.Cases;

/// <summary>Template ids of case notifications; the email layer keeps a text per id in Bahasa Indonesia and English.</summary>
public static class NotificationTemplates
{
    /// <summary>Receipt with tracking link, UU 25/2009 art. 44.</summary>
    public const string Receipt = "receipt";
    public const string FileIncomplete = "file-incomplete";
    public const string CureReminder7Days = "cure-reminder-7d";
    public const string CureReminder1Day = "cure-reminder-1d";
    public const string DeemedWithdrawn = "deemed-withdrawn";
    public const string FileCompleteRouted = "file-complete-routed";
    public const string ProviderNewCase = "provider-new-case";
    public const string ProviderReminder = "provider-reminder";
    public const string ProviderOverdue = "provider-overdue";
    public const string ProviderResponseReceived = "provider-response-received";
    /// <summary>To the reporter: the draft examination result, to respond to within 14 days (O8).</summary>
    public const string DraftResult = "draft-result";
    public const string MediationScheduled = "mediation-scheduled";

    /// <summary>To both parties: the Ombudsman offers mediation or conciliation (O7: the Ombudsman must offer it).</summary>
    public const string MediationOffered = "mediation-offered";
    public const string MediationOutcome = "mediation-outcome";
    public const string DecisionDelivered = "decision-delivered";
    public const string CompensationSet = "compensation-set";
    public const string CompensationPaid = "compensation-paid";
    public const string CompensationOverdue = "compensation-overdue";

    /// <summary>To the reported party's superior: a recommendation to implement in 60 days, UU 37/2008 art. 38.</summary>
    public const string RecommendationIssued = "recommendation-issued";
    public const string CaseClosed = "case-closed";
    public const string StaffEscalation = "staff-escalation";

    /// <summary>To each party who must act by it: a running deadline moved because a holiday calendar was published or amended.</summary>
    public const string DeadlineMoved = "deadline-moved";

    /// <summary>To the complainant and to the staff of both offices: the case was handed to another office (PO 58/2023 art. 17).</summary>
    public const string CaseTransferred = "case-transferred";
}
