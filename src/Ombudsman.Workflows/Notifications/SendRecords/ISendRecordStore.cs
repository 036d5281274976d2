namespace Ombudsman.Workflows.Notifications;

/// <summary>Durable record of every notification send, so a retry never mails twice and staff can see failures.</summary>
internal interface ISendRecordStore
{
    Task<SendRecord?> GetAsync(string? caseId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Inserts the record only if none exists for its key; returns it with its version, or null when one already exists.</summary>
    Task<SendRecord?> TryAddAsync(SendRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored record if its version still equals <c>record.Version</c> (any version when null);
    /// returns it with its new version, or null when it changed or vanished meanwhile.
    /// </summary>
    Task<SendRecord?> TryReplaceAsync(SendRecord record, CancellationToken cancellationToken);

    /// <summary>Every record of a case that is not Sent (Pending, Rejected, Failed, Uncertain), oldest attempt first.</summary>
    Task<IReadOnlyList<SendRecord>> ListNotDeliveredAsync(string caseId, CancellationToken cancellationToken);
}
