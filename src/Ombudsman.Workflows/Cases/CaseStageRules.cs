using System.Collections.Frozen;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// The one table of which events each stage accepts and who may send them. <see cref="CaseCommands"/> checks it
/// before raising an event, and the orchestrator checks it again on arrival (an event can race a stage change),
/// so the two can never disagree.
/// </summary>
public static class CaseStageRules
{
    private static readonly CaseRole[] StaffOnly = [CaseRole.Staff];
    private static readonly CaseRole[] ComplainantOrStaff = [CaseRole.Complainant, CaseRole.Staff];
    private static readonly CaseRole[] ProviderOrStaff = [CaseRole.Provider, CaseRole.Staff];
    private static readonly CaseRole[] Anyone = [CaseRole.Complainant, CaseRole.Provider, CaseRole.Staff];
    private static readonly CaseRole[] SystemOnly = [CaseRole.System];

    // A calendar amendment concerns whatever deadline runs, so every open stage takes it.
    // A transfer hands over the whole case wherever it stands, until it closes.
    private static readonly string[] AnyOpenStage =
    [
        CaseEvents.Withdraw, CaseEvents.CloseCase, CaseEvents.NotificationResend, CaseEvents.NotificationDeliveredOtherwise, CaseEvents.CalendarAmended,
        CaseEvents.TransferOffice,
    ];

    /// <summary>Every stage that runs a deadline may have it suspended and resumed (<see cref="DeadlineSuspensionRules"/> checks which).</summary>
    private static readonly string[] DeadlineClock = [CaseEvents.SuspendDeadline, CaseEvents.ResumeDeadline, .. AnyOpenStage];

    private static readonly FrozenDictionary<CaseStage, FrozenSet<string>> ByStage = new Dictionary<CaseStage, string[]>
    {
        // Received and Routing are system steps; an event sent then waits for the next stage, so withdrawal is never refused.
        [CaseStage.Received] = [.. AnyOpenStage],
        [CaseStage.CompletenessCheck] = [CaseEvents.FileComplete, CaseEvents.FileIncomplete, .. DeadlineClock],
        [CaseStage.CureWindow] = [CaseEvents.CureSubmitted, .. DeadlineClock],
        // The provider's link is valid once P8 runs, which starts during routing: its response must not be refused.
        [CaseStage.Routing] = [CaseEvents.ProviderResponseSubmitted, .. DeadlineClock],
        [CaseStage.Examination] =
        [
            CaseEvents.ProviderResponseSubmitted, CaseEvents.EvidenceRequested, CaseEvents.EvidenceProvided,
            CaseEvents.DraftResultIssued, CaseEvents.DraftResultResponse, CaseEvents.ClarificationRequested, CaseEvents.SummonsMissed,
            CaseEvents.MediationRequested, CaseEvents.DecisionIssued, .. DeadlineClock,
            CaseEvents.MediationOffered, CaseEvents.ExaminationStopped, CaseEvents.AdjudicationRequested,
        ],
        [CaseStage.Mediation] = [CaseEvents.MediationOutcome, .. DeadlineClock],
        [CaseStage.SpecialAdjudication] = [CaseEvents.AdjudicationDecision, .. DeadlineClock],
        [CaseStage.Delivery] = [CaseEvents.DecisionDelivered, .. DeadlineClock],
        [CaseStage.CompensationPayment] = [CaseEvents.PaymentConfirmed, .. DeadlineClock],
        [CaseStage.CorrectiveActions] = [CaseEvents.CorrectiveActionsReported, .. DeadlineClock],
        [CaseStage.RecommendationMonitoring] = [CaseEvents.RecommendationImplemented, .. DeadlineClock],
        [CaseStage.Closed] = [],
        [CaseStage.AgreementMonitoring] = [CaseEvents.AgreementCarriedOut, .. DeadlineClock],
        [CaseStage.ResolutionMonitoring] = [CaseEvents.CorrectiveActionsReported, CaseEvents.RecommendationIssued, .. DeadlineClock],
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal));

    private static readonly FrozenDictionary<string, CaseRole[]> Senders = new Dictionary<string, CaseRole[]>
    {
        [CaseEvents.FileComplete] = StaffOnly,
        [CaseEvents.FileIncomplete] = StaffOnly,
        [CaseEvents.CureSubmitted] = ComplainantOrStaff,
        [CaseEvents.ProviderResponseSubmitted] = ProviderOrStaff,
        [CaseEvents.EvidenceRequested] = ComplainantOrStaff,
        [CaseEvents.EvidenceProvided] = ProviderOrStaff,
        [CaseEvents.DraftResultIssued] = StaffOnly,
        [CaseEvents.DraftResultResponse] = ComplainantOrStaff,
        [CaseEvents.ClarificationRequested] = StaffOnly,
        [CaseEvents.SummonsMissed] = StaffOnly,
        [CaseEvents.MediationRequested] = Anyone,
        [CaseEvents.MediationOutcome] = StaffOnly,
        [CaseEvents.AdjudicationDecision] = StaffOnly,
        [CaseEvents.DecisionIssued] = StaffOnly,
        [CaseEvents.DecisionDelivered] = StaffOnly,
        [CaseEvents.PaymentConfirmed] = Anyone,
        [CaseEvents.CorrectiveActionsReported] = ProviderOrStaff,
        [CaseEvents.RecommendationImplemented] = ProviderOrStaff,
        [CaseEvents.Withdraw] = ComplainantOrStaff,
        [CaseEvents.CloseCase] = StaffOnly,
        [CaseEvents.SuspendDeadline] = StaffOnly,
        [CaseEvents.ResumeDeadline] = StaffOnly,
        [CaseEvents.NotificationResend] = StaffOnly,
        [CaseEvents.NotificationDeliveredOtherwise] = StaffOnly,
        [CaseEvents.CalendarAmended] = SystemOnly,
        [CaseEvents.MediationOffered] = StaffOnly,
        [CaseEvents.AgreementCarriedOut] = ProviderOrStaff,
        [CaseEvents.ExaminationStopped] = StaffOnly,
        [CaseEvents.RecommendationIssued] = StaffOnly,
        [CaseEvents.AdjudicationRequested] = ComplainantOrStaff,
        [CaseEvents.TransferOffice] = StaffOnly,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Steps of the Ombudsman's examination (UU 37/2008 art. 28-31, O8) that a provider's complaint unit does not take.</summary>
    private static readonly FrozenSet<string> OmbudsmanOnly = new[]
    {
        CaseEvents.ClarificationRequested, CaseEvents.SummonsMissed, CaseEvents.DraftResultIssued, CaseEvents.DraftResultResponse,
        CaseEvents.MediationOffered, CaseEvents.ExaminationStopped, CaseEvents.AdjudicationRequested,

        // PO 58/2023 art. 17 hands a report between the Ombudsman's own offices; a provider's complaint unit is no such office.
        CaseEvents.TransferOffice,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The reasons staff may close a case with by <see cref="CaseEvents.CloseCase"/>; the others are reached by the case's
    /// own steps (withdrawal, deemed withdrawal, resolution, decision, a stopped examination).
    /// </summary>
    public static IReadOnlyList<CaseClosedReason> StaffClosingReasons { get; } =
        [CaseClosedReason.Rejected, CaseClosedReason.NoAuthority, CaseClosedReason.Referred, CaseClosedReason.Unresolved];

    /// <summary>
    /// Null when the case's own state lets the action through now; otherwise why not. Judged on the case as it stands
    /// (what the stage table cannot know): the offer of mediation is made once, and special adjudication may only be
    /// requested after mediation or conciliation failed on a report claiming compensation.
    /// </summary>
    public static CaseActionRefusal? CheckCase(CaseStatus status, string eventName)
    {
        ArgumentNullException.ThrowIfNull(status);
        return eventName switch
        {
            CaseEvents.MediationOffered when status.MediationOffered =>
                new(CaseActionRefusal.NotValidNow, "Mediation or conciliation was already offered to the parties (O7)."),
            CaseEvents.AdjudicationRequested when !status.AdjudicationMayBeRequested =>
                new(CaseActionRefusal.NotValidNow, "Special adjudication (O12) may be requested only after mediation or conciliation failed on a report claiming compensation."),
            _ => null,
        };
    }

    /// <summary>Who may send <paramref name="eventName"/> (empty for an unknown event); the API narrows staff further by staff role.</summary>
    public static IReadOnlyList<CaseRole> SendersOf(string eventName) =>
        Senders.TryGetValue(eventName, out var roles) ? roles : [];

    /// <summary>The events a stage accepts.</summary>
    public static IReadOnlySet<string> AllowedIn(CaseStage stage) => ByStage[stage];

    /// <summary>Null when the action is acceptable now; otherwise why not.</summary>
    public static CaseActionRefusal? Check(CaseStage stage, ComplaintPath path, string eventName, CaseAction? action)
    {
        if (!Senders.TryGetValue(eventName, out var roles))
        {
            return new(CaseActionRefusal.UnknownAction, $"'{eventName}' is not a case action.");
        }

        if (action?.Actor is null)
        {
            return new(CaseActionRefusal.DetailsMissing, "Every action must say who acted (actor role and id).");
        }

        if (!ByStage[stage].Contains(eventName))
        {
            var allowed = ByStage[stage].Count == 0 ? "none" : string.Join(", ", ByStage[stage].Order(StringComparer.Ordinal));
            return new(CaseActionRefusal.NotValidInStage, $"'{eventName}' is not valid while the case is in stage {stage}; valid now: {allowed}.");
        }

        if (path == ComplaintPath.Provider && OmbudsmanOnly.Contains(eventName))
        {
            return new(
                CaseActionRefusal.NotValidOnPath,
                eventName == CaseEvents.TransferOffice
                    ? $"'{eventName}' hands a report between the Ombudsman's regional offices, not a complaint to the provider."
                    : $"'{eventName}' is a step of the Ombudsman's examination, not of a complaint to the provider.");
        }

        if (!roles.Contains(action.Actor.Role))
        {
            return new(CaseActionRefusal.ActorNotAllowed, $"'{eventName}' may be sent by {string.Join(" or ", roles)}, not {action.Actor.Role}.");
        }

        return MissingDetails(eventName, action) is { } missing
            ? new(CaseActionRefusal.DetailsMissing, $"'{eventName}' needs {missing}.")
            : null;
    }

    private static string? MissingDetails(string eventName, CaseAction action) => eventName switch
    {
        CaseEvents.FileIncomplete when action.MissingItems is not { Count: > 0 } => "the missing items",
        CaseEvents.MediationOutcome when action.MediationResult is null => "the mediation result",
        CaseEvents.AdjudicationDecision when action.CompensationAmount is null || action.PaymentDueDate is null =>
            "the compensation amount and the payment due date",
        CaseEvents.DecisionIssued when (action.CompensationAmount is null) != (action.PaymentDueDate is null) =>
            "both a compensation amount and a payment due date, or neither",
        CaseEvents.CloseCase when action.ClosedReason is not { } closedReason || !StaffClosingReasons.Contains(closedReason) =>
            $"a closing reason of {string.Join(", ", StaffClosingReasons)}",
        CaseEvents.CloseCase or CaseEvents.Withdraw when string.IsNullOrWhiteSpace(action.Note) => "a reason in the note",
        CaseEvents.SuspendDeadline when string.IsNullOrWhiteSpace(action.DeadlineRuleId) || action.SuspensionReason is null =>
            $"the deadline's rule id (ruleId) and a reason ({string.Join(", ", SuspensionReasons.Names)})",
        CaseEvents.ResumeDeadline when string.IsNullOrWhiteSpace(action.DeadlineRuleId) => "the deadline's rule id (ruleId)",
        CaseEvents.CalendarAmended when action.Calendar is null => "the calendar version published",
        CaseEvents.ExaminationStopped when action.StopReason is null || string.IsNullOrWhiteSpace(action.Note) =>
            $"a stop reason ({string.Join(", ", ExaminationStopReasons.Names)}) and the reason in the note",
        CaseEvents.TransferOffice when string.IsNullOrWhiteSpace(action.ReceivingOffice) || string.IsNullOrWhiteSpace(action.Note) =>
            "the receiving office (receivingOffice) and the reason in the note",

        // What these actions decide or ask for is what their emails exist to tell; an email cannot go without it.
        CaseEvents.DecisionIssued when string.IsNullOrWhiteSpace(action.Note) => "the decision in the note",
        CaseEvents.DraftResultIssued when string.IsNullOrWhiteSpace(action.Note) => "the draft result in the note",
        CaseEvents.EvidenceRequested when string.IsNullOrWhiteSpace(action.Note) => "the documents asked for in the note",
        CaseEvents.NotificationResend or CaseEvents.NotificationDeliveredOtherwise when string.IsNullOrWhiteSpace(action.NotificationKey) =>
            "the notification's key",
        CaseEvents.NotificationDeliveredOtherwise when !CaseEvents.OtherMeans.Contains(action.DeliveredBy, StringComparer.Ordinal) =>
            $"how it was delivered ({string.Join(", ", CaseEvents.OtherMeans)})",
        _ => null,
    };
}
