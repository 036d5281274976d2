namespace Ombudsman.Workflows.Cases;

/// <summary>Remembers which notification keys were delivered, so a redelivered activity does not notify twice.</summary>
public interface ICaseNotificationLedger
{
    Task<bool> WasSentAsync(string idempotencyKey, CancellationToken cancellationToken);

    Task MarkSentAsync(string idempotencyKey, CancellationToken cancellationToken);
}
