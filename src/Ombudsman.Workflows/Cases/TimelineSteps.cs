namespace Ombudsman.Workflows.Cases;

/// <summary>
/// The stable codes of the workflow's steps (<see cref="TimelineEntry.Step"/>): the entry's sentence is English for
/// staff and may be reworded, the code names the step so a page can word it in its reader's language. Never renamed:
/// stored entries keep the code they were written with.
/// </summary>
public static class TimelineSteps
{
    public const string RuleSetPinned = "rule-set-pinned";
    public const string ReceiptIssued = "receipt-issued";
    public const string FiledLate = "filed-late";
    public const string PriorComplaint = "prior-complaint";
    public const string PriorComplaintOverridden = "prior-complaint-overridden";
    public const string FileComplete = "file-complete";

    /// <summary>Provider path: routed to the provider's superior (UU 25/2009 art. 46).</summary>
    public const string Routed = "routed";

    /// <summary>Ombudsman path: assigned to the office for examination.</summary>
    public const string Assigned = "assigned";

    public const string DraftResultUnanswered = "draft-result-unanswered";
    public const string AlreadyRunning = "already-running";
    public const string ClarificationAnswered = "clarification-answered";
    public const string ClarificationUnanswered = "clarification-unanswered";
    public const string SecondClarificationUnanswered = "second-clarification-unanswered";
    public const string SummonsMissed = "summons-missed";
    public const string ThirdSummonsMissed = "third-summons-missed";
    public const string MediationRoundFailed = "mediation-round-failed";
    public const string MediationEnded = "mediation-ended";
    public const string AdjudicationDecided = "adjudication-decided";
    public const string FinalResultIssued = "final-result-issued";
    public const string DecisionDelivered = "decision-delivered";
    public const string ReferredToOmbudsman = "referred-to-ombudsman";
    public const string CompensationPaid = "compensation-paid";
    public const string CorrectiveActionsDone = "corrective-actions-done";
    public const string RecommendationIssued = "recommendation-issued";
    public const string RecommendationImplemented = "recommendation-implemented";
    public const string DeadlineUncomputed = "deadline-uncomputed";

    /// <summary>Handed to another regional office (PO 58/2023 art. 17).</summary>
    public const string Transferred = "transferred";
    public const string ResponsesDigested = "responses-digested";

    /// <summary>O7: the Ombudsman offered the parties mediation or conciliation; both were sent the offer notice.</summary>
    public const string MediationOffered = "mediation-offered";

    /// <summary>O7A: the agreement reached in mediation or conciliation was carried out.</summary>
    public const string AgreementCarriedOut = "agreement-carried-out";

    /// <summary>O9: the examination was stopped, with its reason.</summary>
    public const string ExaminationStopped = "examination-stopped";

    /// <summary>O10A: the corrective actions are overdue; the office follows them up before a recommendation.</summary>
    public const string ResolutionMonitoring = "resolution-monitoring";

    /// <summary>O12: mediation failed on a report claiming compensation; special adjudication may be requested.</summary>
    public const string AdjudicationAvailable = "adjudication-available";

    /// <summary>A notice whose receipt starts a deadline (P6, O3) was received: by email (accepted) or by other means staff recorded.</summary>
    public const string NoticeReceived = "notice-received";

    /// <summary>A notice whose receipt starts a deadline did not arrive: the clock waits for confirmation of receipt.</summary>
    public const string AwaitingReceipt = "awaiting-receipt";
}
