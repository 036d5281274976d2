using System.Globalization;
using Ombudsman.Functions.Api;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Functions.Access;

/// <summary>
/// Sends a complainant who lost the tracking link a new one, to the email address given at filing, and revokes the old
/// token once the new one is out. What the caller learns is the same whether the receipt number exists or not: the
/// outcome stays here. At most one link per case per Access:TrackingLinkResendInterval (the email's idempotency key
/// names the window), so repeated requests cannot flood the complainant's mailbox.
/// </summary>
internal sealed partial class TrackingLinkResender(
    AccessTokenStore tokens,
    CaseReadModel cases,
    ComplainantTokenExpiry expiry,
    INotificationSender sender,
    CaseEmailOptions links,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<ComplainantAccessOptions> options,
    ILogger<TrackingLinkResender> logger)
{
    /// <summary>Mails a new link for the case of <paramref name="receiptNumber"/> when there is one that may get it.</summary>
    public async Task ResendAsync(string receiptNumber, CancellationToken cancellationToken)
    {
        var caseId = CaseIds.CaseIdOf(receiptNumber);
        var view = caseId is null ? null : await cases.GetAsync(caseId, cancellationToken, withTimeline: false);
        var now = time.GetUtcNow();
        if (view is null || (await expiry.ExpiresAtAsync(view.CaseId, cancellationToken) is { } expires && now > expires))
        {
            return;
        }

        var complainant = view.Complaint.Complainant;
        if (string.IsNullOrWhiteSpace(complainant.Email))
        {
            // Recorded by staff for someone without email: there is no mailbox to send a link to.
            return;
        }

        var token = await tokens.IssueAsync(new AccessGrant { CaseId = view.CaseId, Party = AccessParty.Complainant, IssuedAt = now }, cancellationToken);
        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(
                new Notification
                {
                    IdempotencyKey = $"{view.CaseId}:tracking-link:{Window(now).ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture)}",
                    TemplateId = TemplateIds.ComplainantTrackingLink,
                    Role = RecipientRole.Complainant,
                    To = new EmailAddress(complainant.Email, complainant.Name),
                    Language = complainant.Language == "en" ? Language.English : Language.Indonesian,
                    CaseId = view.CaseId,
                    Fields = new Dictionary<string, string>
                    {
                        ["CaseNumber"] = CaseIds.ReceiptNumberOf(view.CaseId),
                        ["ComplainantName"] = complainant.Name,
                        ["TrackingLink"] = links.TrackingLink(view.CaseId) + "?token=" + Uri.EscapeDataString(token),
                    },
                },
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nobody got the new token: it goes, the old one stays as it was.
            await tokens.RevokeTokenAsync(token, now, CancellationToken.None);
            LogNotSent(logger, view.CaseId, e.GetType().Name);
            return;
        }

        if (result is DeliveryResult.Delivered)
        {
            await tokens.RevokeAllButAsync(view.CaseId, AccessParty.Complainant, token, now, cancellationToken);
            return;
        }

        // Already sent in this window (another request's token is the one in the mailbox), rejected or uncertain:
        // this token reached nobody for sure, so it goes and the others stay.
        await tokens.RevokeTokenAsync(token, now, CancellationToken.None);
        LogNotSent(logger, view.CaseId, result.GetType().Name);
    }

    private DateTimeOffset Window(DateTimeOffset now)
    {
        var interval = options.Value.TrackingLinkResendInterval.Ticks;
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % interval), TimeSpan.Zero);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No new tracking link went out for case {CaseId}: {Outcome}")]
    private static partial void LogNotSent(ILogger logger, string caseId, string outcome);
}
