namespace Ombudsman.Workflows.Cases;

/// <summary>
/// Delivers case notifications (the email layer implements it). Throwing makes the activity retry; a notification
/// that can never be delivered returns <see cref="CaseNotificationDelivery.NotDelivered"/> so the case records it.
/// </summary>
public interface ICaseNotifier
{
    Task<CaseNotificationResult> NotifyAsync(CaseNotification notification, CancellationToken cancellationToken);
}
