namespace Ombudsman.Workflows.Notifications;

/// <summary>The one call notification activities make: render, guard and deliver a notification at most once.</summary>
internal interface INotificationSender
{
    /// <summary>
    /// Sends <paramref name="notification"/> unless its idempotency key was already used.
    /// Throws <see cref="NotificationInFlightException"/> while another attempt holds the key and
    /// <see cref="EmailDeliveryFailedException"/> when the email service stayed unavailable (retry later).
    /// </summary>
    Task<DeliveryResult> SendAsync(Notification notification, CancellationToken cancellationToken);
}
