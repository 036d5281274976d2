namespace Ombudsman.Workflows.Notifications;

/// <summary>Another attempt holds this notification's send record and its lease has not run out: retry later.</summary>
internal sealed class NotificationInFlightException(string idempotencyKey, DateTimeOffset leaseEndsAt)
    : Exception($"notification {idempotencyKey} is being sent by another attempt; its lease ends at {leaseEndsAt:O}")
{
    public string IdempotencyKey { get; } = idempotencyKey;

    public DateTimeOffset LeaseEndsAt { get; } = leaseEndsAt;
}
