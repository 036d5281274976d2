using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Access;

/// <summary>
/// Emails a newly issued provider link to the provider's address on file, once per link (the send record's key names
/// the link by a prefix of its token's hash, never the token): in Bahasa Indonesia, the language of official
/// correspondence, with the response deadline stated by its last day and its citation. A confidential complainant's
/// identity is handed to the guard, which blocks any provider email that would show it.
/// </summary>
internal sealed partial class ProviderLinkMailer(
    CaseReadModel cases, OfficeDirectory offices, INotificationSender sender, ILogger<ProviderLinkMailer> logger)
{
    /// <summary>The link as issued, with whether the email went out and why not.</summary>
    public async Task<ProviderLink> SendAsync(ProviderLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var view = await cases.GetAsync(link.CaseId, cancellationToken, withTimeline: false);
        if (view is null)
        {
            return NotSent(link, "the case is not in the read model");
        }

        var complaint = view.Complaint;
        EmailAddress to;
        try
        {
            to = new EmailAddress(complaint.Provider.Email?.Trim() ?? "", complaint.Provider.Name);
        }
        catch (ArgumentException)
        {
            return NotSent(link, "no valid email address on file for the provider");
        }

        var zone = OfficeTimeZone.FromCode(complaint.Office.TimeZoneCode);
        var office = offices.Find(complaint.Office.Code);
        var confidential = complaint.Complainant.Confidential;
        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(
                new Notification
                {
                    IdempotencyKey = $"{link.CaseId}:provider-link:{AccessToken.Hash(link.Token)[..16]}",
                    TemplateId = TemplateIds.ProviderLink,
                    Role = RecipientRole.Provider,
                    To = to,
                    Language = Language.Indonesian,
                    CaseId = link.CaseId,
                    ComplainantIdentityConfidential = confidential,
                    ComplainantIdentity = confidential ? ComplainantIdentity.Of(complaint) : null,
                    Fields = new Dictionary<string, string>
                    {
                        ["CaseNumber"] = Api.CaseIds.ReceiptNumberOf(link.CaseId),
                        ["ProviderName"] = complaint.Provider.Name,
                        ["OfficeName"] = office?.Name ?? complaint.Office.Name,
                        ["OfficeEmail"] = office?.StaffEmail.Address ?? "-",
                        ["Deadline"] = NotificationDates.Deadline(link.RespondBy, zone, Language.Indonesian),
                        ["DeadlineNote"] = ProvisionalDeadlineNote.For(link.ProvisionalYears, Language.Indonesian),
                        ["DeadlineCitation"] = link.Citation,
                        ["LinkExpiry"] = NotificationDates.Deadline(link.ExpiresAt, zone, Language.Indonesian),
                        ["ProviderLink"] = link.PageUrl,
                    },
                },
                cancellationToken);
        }
        catch (EmailDeliveryFailedException)
        {
            return NotSent(link, "the mail service was unavailable; issue the link again to retry");
        }
        catch (NotificationInFlightException)
        {
            return NotSent(link, "another attempt for this link is under way");
        }

        return result switch
        {
            DeliveryResult.Delivered or DeliveryResult.AlreadySent => link with { Emailed = true },
            DeliveryResult.Rejected rejected => NotSent(link, rejected.Reason),
            DeliveryResult.Uncertain uncertain => NotSent(link, uncertain.Reason),
            _ => NotSent(link, result.GetType().Name),
        };
    }

    private ProviderLink NotSent(ProviderLink link, string problem)
    {
        LogNotSent(logger, link.CaseId, problem);
        return link with { Emailed = false, EmailProblem = problem };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider link of case {CaseId} not emailed: {Problem}")]
    private static partial void LogNotSent(ILogger logger, string caseId, string problem);
}
