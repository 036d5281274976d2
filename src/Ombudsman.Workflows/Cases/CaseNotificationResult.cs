namespace Ombudsman.Workflows.Cases;

/// <summary>
/// The outcome of a case notification. A final failure is a result, not an exception: the case records it for
/// staff ("email not delivered") and the statutory clock goes on. Transient failures throw so the activity retries.
/// </summary>
public sealed record CaseNotificationResult
{
    public static CaseNotificationResult Delivered { get; } = new() { Delivery = CaseNotificationDelivery.Delivered };

    public static CaseNotificationResult AlreadyDelivered { get; } = new() { Delivery = CaseNotificationDelivery.AlreadyDelivered };

    public required CaseNotificationDelivery Delivery { get; init; }

    /// <summary>Why it was not (or may not have been) delivered; never the complainant's identity.</summary>
    public string? Reason { get; init; }

    public bool NeedsStaff => Delivery is CaseNotificationDelivery.NotDelivered or CaseNotificationDelivery.Uncertain;

    public static CaseNotificationResult NotDelivered(string reason) => new() { Delivery = CaseNotificationDelivery.NotDelivered, Reason = reason };

    public static CaseNotificationResult Uncertain(string reason) => new() { Delivery = CaseNotificationDelivery.Uncertain, Reason = reason };
}
