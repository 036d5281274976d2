namespace Ombudsman.Workflows.Notifications;

/// <summary>What happened to a notification. Transient failures are not a result: they throw so the activity retries.</summary>
internal abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    /// <summary>The email service accepted the message now.</summary>
    public sealed record Delivered(string? ProviderMessageId) : DeliveryResult;

    /// <summary>An earlier attempt with the same idempotency key already delivered it; nothing was sent now.</summary>
    public sealed record AlreadySent(string? ProviderMessageId) : DeliveryResult;

    /// <summary>
    /// Will not be delivered: the address was refused (4xx) or the confidentiality guard blocked it. The workflow
    /// records "email not delivered" on the case; <see cref="StatusCode"/> is null when we refused it ourselves.
    /// </summary>
    public sealed record Rejected(string Reason, int? StatusCode) : DeliveryResult;

    /// <summary>
    /// An attempt may or may not have reached the email service (crash or lost response between sending and
    /// recording). Not resent automatically (at-most-once, docs/EMAIL.md); shown to staff to check and resend.
    /// </summary>
    public sealed record Uncertain(string Reason) : DeliveryResult;
}
