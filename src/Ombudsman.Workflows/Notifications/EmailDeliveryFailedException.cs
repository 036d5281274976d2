namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// The email service stayed unavailable (429/5xx/connection refused) through every retry; nothing was accepted,
/// the send record says Failed, and a later attempt with the same key may try again.
/// </summary>
internal sealed class EmailDeliveryFailedException(string idempotencyKey, string reason, int? statusCode)
    : Exception($"notification {idempotencyKey} was not accepted by the email service: {reason}")
{
    public string IdempotencyKey { get; } = idempotencyKey;

    public string Reason { get; } = reason;

    public int? StatusCode { get; } = statusCode;
}
