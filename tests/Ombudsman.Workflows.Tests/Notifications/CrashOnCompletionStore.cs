using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>Simulates a process dying after SendGrid accepted the mail but before the send record was completed.</summary>
internal sealed class CrashOnCompletionStore(ISendRecordStore inner) : ISendRecordStore
{
    public Task<SendRecord?> GetAsync(string? caseId, string idempotencyKey, CancellationToken cancellationToken) =>
        inner.GetAsync(caseId, idempotencyKey, cancellationToken);

    public Task<SendRecord?> TryAddAsync(SendRecord record, CancellationToken cancellationToken) => inner.TryAddAsync(record, cancellationToken);

    public Task<SendRecord?> TryReplaceAsync(SendRecord record, CancellationToken cancellationToken) =>
        record.Status == SendStatus.Sent ? throw new SimulatedCrashException() : inner.TryReplaceAsync(record, cancellationToken);

    public Task<IReadOnlyList<SendRecord>> ListNotDeliveredAsync(string caseId, CancellationToken cancellationToken) =>
        inner.ListNotDeliveredAsync(caseId, cancellationToken);
}
