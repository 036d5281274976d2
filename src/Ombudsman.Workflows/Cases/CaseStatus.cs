using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// The custom status of a case orchestration: where it stands, what is due, and what happened. The source of
/// tracking pages and statistics; <c>stage</c>, <c>office</c> and <c>path</c> are top-level so instances can be
/// listed by them. Mutated only by the orchestrator and republished after every change.
/// </summary>
public sealed record CaseStatus
{
    public required string CaseId { get; init; }

    public required CaseStage Stage { get; set; }

    public required ComplaintPath Path { get; init; }

    /// <summary>How the complaint reached the Ombudsman (the complaint's channel).</summary>
    public IntakeChannel Channel { get; init; } = IntakeChannel.Online;

    /// <summary>The provider complained about, as the complaint names it (staff lists filter by it, statistics count it).</summary>
    public string? ProviderName { get; init; }

    /// <summary>The kind of provider complained about.</summary>
    public ProviderKind? ProviderKind { get; init; }

    /// <summary>Office code; changes when the case is transferred to another office (PO 58/2023 art. 17).</summary>
    public required string Office { get; set; }

    public required string OfficeTimeZone { get; set; }

    /// <summary>The name of the office the case was transferred to; null while it is at the office it was filed with.</summary>
    public string? OfficeName { get; set; }

    /// <summary>The rule-set version pinned at intake; null only before intake finished.</summary>
    public string? RuleSetVersion { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    public List<OpenDeadline> OpenDeadlines { get; init; } = [];

    /// <summary>Every statutory deadline the case started, in order, with how it ended (kept after it ends).</summary>
    public List<DeadlineRecord> Deadlines { get; init; } = [];

    public List<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>P1: filed more than 30 days after the service; accepted, staff decide.</summary>
    public bool FiledLate { get; set; }

    /// <summary>Some deadline passed without the step being done.</summary>
    public bool Overdue { get; set; }

    /// <summary>Rule ids of the deadlines that passed, in order.</summary>
    public List<string> OverdueRules { get; init; } = [];

    /// <summary>
    /// The deadlines that passed without their step being done while the case is still in the stage that step
    /// belongs to (staff's "overdue" list); emptied when the case moves to another stage.
    /// </summary>
    public List<OpenDeadline> OverdueDeadlines { get; init; } = [];

    /// <summary>An overdue deadline was escalated to the head of unit.</summary>
    public bool Escalated { get; set; }

    public string? RoutedTo { get; set; }

    public int ClarificationRequests { get; set; }

    /// <summary>O5: the reported party did not answer two clarification requests; treated as declining to answer.</summary>
    public bool ClarificationDeclined { get; set; }

    /// <summary>O6: unanswered summonses.</summary>
    public int SummonsMissed { get; set; }

    /// <summary>O6: as many summonses missed as the rule set's O6 counts to; the Ombudsman may ask the police to bring the person.</summary>
    public bool ForcedAppearanceFlag { get; set; }

    public int MediationRounds { get; set; }

    /// <summary>O7: the Ombudsman offered the parties mediation or conciliation (the offer notice went to both).</summary>
    public bool MediationOffered { get; set; }

    /// <summary>
    /// O12: mediation or conciliation failed on a report claiming compensation, so special adjudication may be requested
    /// (<see cref="CaseEvents.AdjudicationRequested"/>); false again once requested.
    /// </summary>
    public bool AdjudicationMayBeRequested { get; set; }

    /// <summary>O9: why the examination was stopped, when it was.</summary>
    public ExaminationStopReason? ExaminationStopReason { get; set; }

    public decimal? CompensationAmount { get; set; }

    public DateOnly? PaymentDueDate { get; set; }

    /// <summary>P10: compensation unpaid after its deadline; the complainant may go to the Ombudsman.</summary>
    public bool ReferredToOmbudsman { get; set; }

    /// <summary>O11: the recommendation was not implemented in 60 days; the superior's name may be published.</summary>
    public bool PublicationFlag { get; set; }

    /// <summary>
    /// A notification of the case was not delivered, or may not have been, and staff have not yet resent it or recorded
    /// it as delivered by other means (true exactly while <see cref="NotDeliveredNotifications"/> lists one).
    /// </summary>
    public bool EmailNotDelivered { get; set; }

    /// <summary>Idempotency keys of the notifications that were not (or may not have been) delivered, in order.</summary>
    public List<string> NotDeliveredNotifications { get; init; } = [];

    /// <summary>
    /// Deadlines the law starts on receipt of a notice that has not arrived: no clock runs and the case cannot be
    /// deemed withdrawn on them until staff confirm receipt by other means or a resend is accepted.
    /// </summary>
    public List<NoticeAwaitingReceipt> AwaitingReceipt { get; init; } = [];

    public CaseClosedReason? ClosedReason { get; set; }

    public string? ClosedDetail { get; set; }

    /// <summary>When the case closed (in the case's time); null while it is open.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}
