using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Which email template carries each case notification to each recipient. A provider has no mediation-scheduled
/// or compensation-set email of its own: those go as a reminder naming what it must do by when.
/// </summary>
internal static class CaseEmailTemplates
{
    private static readonly Dictionary<(string, NotificationRecipient), string> Map = new()
    {
        [(NotificationTemplates.Receipt, NotificationRecipient.Complainant)] = TemplateIds.ComplainantReceipt,
        [(NotificationTemplates.FileIncomplete, NotificationRecipient.Complainant)] = TemplateIds.ComplainantFileIncomplete,
        [(NotificationTemplates.CureReminder7Days, NotificationRecipient.Complainant)] = TemplateIds.ComplainantCureReminder,
        [(NotificationTemplates.CureReminder1Day, NotificationRecipient.Complainant)] = TemplateIds.ComplainantCureReminder,
        [(NotificationTemplates.DeemedWithdrawn, NotificationRecipient.Complainant)] = TemplateIds.ComplainantDeemedWithdrawn,
        [(NotificationTemplates.FileCompleteRouted, NotificationRecipient.Complainant)] = TemplateIds.ComplainantFileComplete,
        [(NotificationTemplates.ProviderNewCase, NotificationRecipient.Provider)] = TemplateIds.ProviderNewCase,
        [(NotificationTemplates.ProviderReminder, NotificationRecipient.Provider)] = TemplateIds.ProviderReminder,
        [(NotificationTemplates.ProviderOverdue, NotificationRecipient.Provider)] = TemplateIds.ProviderOverdue,
        [(NotificationTemplates.ProviderResponseReceived, NotificationRecipient.Complainant)] = TemplateIds.ComplainantProviderResponseReceived,
        [(NotificationTemplates.DraftResult, NotificationRecipient.Complainant)] = TemplateIds.ComplainantDraftResult,
        [(NotificationTemplates.MediationScheduled, NotificationRecipient.Complainant)] = TemplateIds.ComplainantMediationScheduled,
        [(NotificationTemplates.MediationScheduled, NotificationRecipient.Provider)] = TemplateIds.ProviderReminder,
        [(NotificationTemplates.MediationOffered, NotificationRecipient.Complainant)] = TemplateIds.ComplainantMediationOffered,
        [(NotificationTemplates.MediationOffered, NotificationRecipient.Provider)] = TemplateIds.ProviderMediationOffered,
        [(NotificationTemplates.MediationOutcome, NotificationRecipient.Complainant)] = TemplateIds.ComplainantMediationOutcome,
        [(NotificationTemplates.MediationOutcome, NotificationRecipient.Provider)] = TemplateIds.ProviderMediationOutcome,
        [(NotificationTemplates.DecisionDelivered, NotificationRecipient.Complainant)] = TemplateIds.ComplainantDecisionDelivered,
        [(NotificationTemplates.DecisionDelivered, NotificationRecipient.Provider)] = TemplateIds.ProviderDecision,
        [(NotificationTemplates.CompensationSet, NotificationRecipient.Complainant)] = TemplateIds.ComplainantCompensationSet,
        [(NotificationTemplates.CompensationSet, NotificationRecipient.Provider)] = TemplateIds.ProviderReminder,
        [(NotificationTemplates.CompensationPaid, NotificationRecipient.Complainant)] = TemplateIds.ComplainantCompensationPaid,
        [(NotificationTemplates.CompensationOverdue, NotificationRecipient.Complainant)] = TemplateIds.ComplainantCompensationOverdue,
        [(NotificationTemplates.RecommendationIssued, NotificationRecipient.Provider)] = TemplateIds.ProviderRecommendationIssued,
        [(NotificationTemplates.CaseClosed, NotificationRecipient.Complainant)] = TemplateIds.ComplainantCaseClosed,
        [(NotificationTemplates.StaffEscalation, NotificationRecipient.Staff)] = TemplateIds.StaffEscalation,
        [(NotificationTemplates.DeadlineMoved, NotificationRecipient.Complainant)] = TemplateIds.ComplainantDeadlineMoved,
        [(NotificationTemplates.DeadlineMoved, NotificationRecipient.Provider)] = TemplateIds.ProviderDeadlineMoved,
        [(NotificationTemplates.CaseTransferred, NotificationRecipient.Complainant)] = TemplateIds.ComplainantCaseTransferred,
        [(NotificationTemplates.CaseTransferred, NotificationRecipient.Staff)] = TemplateIds.StaffCaseTransferred,
    };

    /// <summary>Every (case template, recipient) pair that has an email.</summary>
    public static IReadOnlyCollection<(string CaseTemplate, NotificationRecipient Recipient)> Pairs => Map.Keys;

    /// <summary>The email template; a pair without one is a bug, so it throws rather than dropping the notification.</summary>
    public static string For(string caseTemplateId, NotificationRecipient recipient) =>
        Map.TryGetValue((caseTemplateId, recipient), out var id)
            ? id
            : throw new NotificationContractException($"no email template for case notification '{caseTemplateId}' to {recipient}");

    public static RecipientRole Role(NotificationRecipient recipient) => recipient switch
    {
        NotificationRecipient.Complainant => RecipientRole.Complainant,
        NotificationRecipient.Provider => RecipientRole.Provider,
        NotificationRecipient.Staff => RecipientRole.Staff,
        _ => throw new ArgumentOutOfRangeException(nameof(recipient), recipient, "unknown recipient"),
    };
}
