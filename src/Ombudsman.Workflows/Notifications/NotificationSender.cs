using Microsoft.Extensions.Logging;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Renders, guards and delivers a notification at most once per idempotency key: a Pending send record is written
/// (conditional insert) before the transport is called and completed after. A Pending record whose lease ran out
/// means a crash between the two: it becomes Uncertain and is not resent (docs/EMAIL.md says why).
/// </summary>
internal sealed partial class NotificationSender(
    TemplateCatalog catalog,
    IEmailTransport transport,
    ISendRecordStore records,
    EmailOptions options,
    TimeProvider time,
    ILogger<NotificationSender> logger) : INotificationSender
{
    public async Task<DeliveryResult> SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.IdempotencyKey);
        var template = catalog.Get(notification.TemplateId, notification.Language);
        if (template.Role != notification.Role)
        {
            throw new NotificationContractException($"template {template.Id} is for {template.Role}, not {notification.Role}");
        }

        var content = template.Render(notification.Fields);
        var leak = FindConfidentialityLeak(notification, content);
        var existing = await records.GetAsync(notification.CaseId, notification.IdempotencyKey, cancellationToken);
        while (true)
        {
            var now = time.GetUtcNow();
            if (existing is null)
            {
                var fresh = leak is null
                    ? NewRecord(notification, SendStatus.Pending, now)
                    : NewRecord(notification, SendStatus.Rejected, now) with { Reason = BlockedReason(leak), CompletedAt = now };
                var added = await records.TryAddAsync(fresh, cancellationToken);
                if (added is null)
                {
                    existing = await records.GetAsync(notification.CaseId, notification.IdempotencyKey, cancellationToken);
                    continue;
                }

                if (leak is not null)
                {
                    LogBlocked(logger, notification.CaseId, notification.TemplateId, notification.IdempotencyKey, leak);
                    return new DeliveryResult.Rejected(added.Reason!, null);
                }

                return await DeliverAsync(notification, content, added, cancellationToken);
            }

            switch (existing.Status)
            {
                case SendStatus.Sent:
                    return new DeliveryResult.AlreadySent(existing.ProviderMessageId);
                case SendStatus.Rejected:
                    return new DeliveryResult.Rejected(existing.Reason ?? "rejected", existing.StatusCode);
                case SendStatus.Uncertain:
                    return new DeliveryResult.Uncertain(existing.Reason ?? "delivery uncertain");
                case SendStatus.Pending when now - existing.AttemptedAt < options.PendingLease:
                    throw new NotificationInFlightException(notification.IdempotencyKey, existing.AttemptedAt + options.PendingLease);
                case SendStatus.Pending:
                    {
                        var reason = UncertainReason(existing);
                        var uncertain = await records.TryReplaceAsync(existing with { Status = SendStatus.Uncertain, Reason = reason, CompletedAt = now }, cancellationToken);
                        if (uncertain is null)
                        {
                            existing = await records.GetAsync(notification.CaseId, notification.IdempotencyKey, cancellationToken);
                            continue;
                        }

                        LogUncertain(logger, notification.CaseId, notification.TemplateId, notification.IdempotencyKey, existing.AttemptedAt);
                        return new DeliveryResult.Uncertain(reason);
                    }

                case SendStatus.Failed:
                    {
                        // Nothing was accepted last time, so trying again cannot mail twice.
                        var next = leak is null
                            ? existing with { Status = SendStatus.Pending, AttemptedAt = now, Attempts = existing.Attempts + 1, Reason = null, StatusCode = null, CompletedAt = null }
                            : existing with { Status = SendStatus.Rejected, Reason = BlockedReason(leak), StatusCode = null, CompletedAt = now };
                        var claimed = await records.TryReplaceAsync(next, cancellationToken);
                        if (claimed is null)
                        {
                            existing = await records.GetAsync(notification.CaseId, notification.IdempotencyKey, cancellationToken);
                            continue;
                        }

                        return leak is null ? await DeliverAsync(notification, content, claimed, cancellationToken) : new DeliveryResult.Rejected(claimed.Reason!, null);
                    }

                default:
                    throw new InvalidOperationException($"unknown send status {existing.Status}");
            }
        }
    }

    private async Task<DeliveryResult> DeliverAsync(Notification notification, RenderedEmail content, SendRecord claim, CancellationToken cancellationToken)
    {
        var email = new OutgoingEmail
        {
            From = options.From,
            To = notification.To,
            Content = content,
            IdempotencyKey = notification.IdempotencyKey,
            TemplateId = notification.TemplateId,
            CaseId = notification.CaseId,
            Language = notification.Language,
        };
        var result = await transport.SendAsync(email, cancellationToken);
        var now = time.GetUtcNow();
        switch (result)
        {
            case TransportResult.Accepted accepted:
                await CompleteAsync(claim with { Status = SendStatus.Sent, ProviderMessageId = accepted.MessageId, CompletedAt = now }, cancellationToken);
                LogSent(logger, notification.CaseId, notification.TemplateId, notification.IdempotencyKey, notification.Role, accepted.MessageId);
                return new DeliveryResult.Delivered(accepted.MessageId);
            case TransportResult.Rejected rejected:
                await CompleteAsync(claim with { Status = SendStatus.Rejected, Reason = rejected.Reason, StatusCode = rejected.StatusCode, CompletedAt = now }, cancellationToken);
                LogNotDelivered(logger, notification.CaseId, notification.TemplateId, notification.IdempotencyKey, rejected.StatusCode, rejected.Reason);
                return new DeliveryResult.Rejected(rejected.Reason, rejected.StatusCode);
            case TransportResult.Unavailable unavailable:
                await CompleteAsync(claim with { Status = SendStatus.Failed, Reason = unavailable.Reason, StatusCode = unavailable.StatusCode, CompletedAt = now }, cancellationToken);
                LogFailed(logger, notification.CaseId, notification.TemplateId, notification.IdempotencyKey, unavailable.StatusCode, unavailable.Reason);
                throw new EmailDeliveryFailedException(notification.IdempotencyKey, unavailable.Reason, unavailable.StatusCode);
            case TransportResult.Ambiguous ambiguous:
                await CompleteAsync(claim with { Status = SendStatus.Uncertain, Reason = ambiguous.Reason, CompletedAt = now }, cancellationToken);
                LogUncertain(logger, notification.CaseId, notification.TemplateId, notification.IdempotencyKey, claim.AttemptedAt);
                return new DeliveryResult.Uncertain(ambiguous.Reason);
            default:
                throw new InvalidOperationException($"unknown transport result {result}");
        }
    }

    /// <summary>The outcome is the truth whatever happened to the record meanwhile, so completion does not check the version.</summary>
    private async Task CompleteAsync(SendRecord record, CancellationToken cancellationToken)
    {
        _ = await records.TryReplaceAsync(record with { Version = null }, cancellationToken)
            ?? throw new InvalidOperationException($"send record {record.IdempotencyKey} vanished before it was completed");
    }

    private static string? FindConfidentialityLeak(Notification notification, RenderedEmail content)
    {
        if (notification.Role != RecipientRole.Provider || !notification.ComplainantIdentityConfidential)
        {
            return null;
        }

        var identity = notification.ComplainantIdentity
            ?? throw new NotificationContractException($"provider notification {notification.IdempotencyKey} of a confidential case must carry the identity for the guard");
        return ConfidentialityGuard.FindLeak(content, identity);
    }

    private static SendRecord NewRecord(Notification notification, SendStatus status, DateTimeOffset now) => new()
    {
        CaseId = notification.CaseId,
        IdempotencyKey = notification.IdempotencyKey,
        TemplateId = notification.TemplateId,
        Role = notification.Role,
        Status = status,
        AttemptedAt = now,
    };

    private static string BlockedReason(string leak) =>
        $"not sent: the provider email contained the confidential complainant's {leak}, which they asked to keep from the provider";

    private static string UncertainReason(SendRecord record) =>
        $"the attempt started {record.AttemptedAt:O} was never recorded as finished (crash or lost answer); " +
        $"check SendGrid activity for custom arg {SendGridTransport.IdempotencyKeyArg}={record.IdempotencyKey} before resending";

    [LoggerMessage(Level = LogLevel.Information, Message = "Email sent for case {CaseId} template {TemplateId} key {IdempotencyKey} to {Role}, message {MessageId}")]
    private static partial void LogSent(ILogger logger, string? caseId, string templateId, string idempotencyKey, RecipientRole role, string? messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email not delivered for case {CaseId} template {TemplateId} key {IdempotencyKey}: {StatusCode} {Reason}")]
    private static partial void LogNotDelivered(ILogger logger, string? caseId, string templateId, string idempotencyKey, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email service unavailable for case {CaseId} template {TemplateId} key {IdempotencyKey}: {StatusCode} {Reason}; a later attempt will retry")]
    private static partial void LogFailed(ILogger logger, string? caseId, string templateId, string idempotencyKey, int? statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email delivery uncertain for case {CaseId} template {TemplateId} key {IdempotencyKey} (attempt of {AttemptedAt:O}); not resent, staff must check")]
    private static partial void LogUncertain(ILogger logger, string? caseId, string templateId, string idempotencyKey, DateTimeOffset attemptedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Provider email blocked for case {CaseId} template {TemplateId} key {IdempotencyKey}: it contained the confidential complainant's {Detail}")]
    private static partial void LogBlocked(ILogger logger, string? caseId, string templateId, string idempotencyKey, string detail);
}
