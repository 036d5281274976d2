using Microsoft.Extensions.Logging;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Sends case notifications as email: picks the email template for the notification and recipient, resolves the
/// address from the filed complaint (or the office list for staff), and reports a final failure as a result the
/// case records. Transient failures (<see cref="EmailDeliveryFailedException"/>,
/// <see cref="NotificationInFlightException"/>) propagate so the activity retries.
/// </summary>
internal sealed partial class EmailCaseNotifier(
    INotificationSender sender,
    ICaseContacts contacts,
    OfficeDirectory offices,
    TemplateCatalog catalog,
    CaseEmailFields fields,
    IProviderComplaintText providerText,
    RuleSetCatalog ruleSets,
    TimeProvider time,
    ILogger<EmailCaseNotifier> logger) : ICaseNotifier
{
    /// <summary>The rule set the case pinned (sent with the notification), else the one in force today.</summary>
    private RuleSet RuleSetOf(CaseNotification notification, OfficeTimeZone zone) =>
        ruleSets.ForCase(notification.Data.GetValueOrDefault(CaseNotification.RuleSetVersionKey), zone.DateOf(time.GetUtcNow()));

    public async Task<CaseNotificationResult> NotifyAsync(CaseNotification notification, CancellationToken cancellationToken)
    {
        var templateId = CaseEmailTemplates.For(notification.TemplateId, notification.Recipient);
        var complaint = await contacts.GetComplaintAsync(notification.CaseId, cancellationToken);
        var office = offices.Find(notification.Office);
        var (to, language, problem) = Recipient(notification, complaint, office);
        if (to is null)
        {
            LogNotDelivered(logger, notification.CaseId, notification.TemplateId, notification.IdempotencyKey, problem!);
            return CaseNotificationResult.NotDelivered(problem!);
        }

        var template = catalog.Get(templateId, language);
        var confidential = complaint.Complainant.Confidential;
        var identity = ComplainantIdentity.Of(complaint);
        if (notification.Recipient == NotificationRecipient.Provider)
        {
            // The provider reads in its email what its view of the case shows, never an unreviewed confidential text.
            var approved = await providerText.ApprovedDescriptionAsync(notification.CaseId, cancellationToken);
            complaint = complaint with { Description = ProviderComplaintTexts.DescriptionFor(complaint, approved) ?? ProviderComplaintTexts.PendingReview(RuleSetOf(notification, office?.TimeZone ?? complaint.Office.TimeZone)) };
        }

        var email = new Notification
        {
            IdempotencyKey = notification.IdempotencyKey,
            TemplateId = templateId,
            Role = CaseEmailTemplates.Role(notification.Recipient),
            To = to,
            Language = language,
            CaseId = notification.CaseId,
            Fields = fields.Build(
                template, notification, complaint, office?.Name ?? complaint.Office.Name, office?.TimeZone ?? complaint.Office.TimeZone, office?.DashboardLink),
            ComplainantIdentityConfidential = confidential,
            ComplainantIdentity = confidential && notification.Recipient == NotificationRecipient.Provider
                ? identity
                : null,
        };

        var result = await sender.SendAsync(email, cancellationToken);
        return result switch
        {
            DeliveryResult.Delivered => CaseNotificationResult.Delivered,
            DeliveryResult.AlreadySent => CaseNotificationResult.AlreadyDelivered,
            DeliveryResult.Rejected rejected => CaseNotificationResult.NotDelivered(
                rejected.StatusCode is { } code ? $"{rejected.Reason} (HTTP {code})" : rejected.Reason),
            DeliveryResult.Uncertain uncertain => CaseNotificationResult.Uncertain(uncertain.Reason),
            _ => throw new InvalidOperationException($"unknown delivery result {result}"),
        };
    }

    /// <summary>The mailbox and language, or why there is none (the case then shows "email not delivered").</summary>
    private static (EmailAddress? To, Language Language, string? Problem) Recipient(CaseNotification notification, Complaint complaint, ConfiguredOffice? office)
    {
        switch (notification.Recipient)
        {
            case NotificationRecipient.Complainant:
                var language = notification.Language == "en" ? Language.English : Language.Indonesian;
                if (string.IsNullOrWhiteSpace(complaint.Complainant.Email))
                {
                    // Recorded by staff for someone without email: staff reach them by letter, phone or in person.
                    return (null, language, "the complainant has no email address on file: reach them by letter, phone or in person");
                }

                return Address(complaint.Complainant.Email, complaint.Complainant.Name) is { } complainant
                    ? (complainant, language, null)
                    : (null, language, "the complainant's email address on file is not a valid address");
            case NotificationRecipient.Provider:
                // Official correspondence with a provider is in Bahasa Indonesia whatever the complainant chose.
                return Address(complaint.Provider.Email, complaint.Provider.Name) is { } provider
                    ? (provider, Language.Indonesian, null)
                    : (null, Language.Indonesian, "no valid email address on file for the provider");
            default:
                return office is null
                    ? (null, Language.Indonesian, $"office '{notification.Office}' is not in the Offices configuration, so staff have no mailbox")
                    : (office.StaffEmail, office.Language, null);
        }
    }

    private static EmailAddress? Address(string? address, string name)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        try
        {
            return new EmailAddress(address.Trim(), name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId}: notification {TemplateId} ({IdempotencyKey}) not delivered: {Problem}")]
    private static partial void LogNotDelivered(ILogger logger, string caseId, string templateId, string idempotencyKey, string problem);
}
