using System.Globalization;

using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>Send records in process memory, for tests of the sender that need no storage. Loses everything with the process.</summary>
internal sealed class InMemorySendRecordStore : ISendRecordStore
{
    private readonly Dictionary<(string? CaseId, string Key), SendRecord> _records = [];
    private long _version;

    public Task<SendRecord?> GetAsync(string? caseId, string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            return Task.FromResult(_records.GetValueOrDefault((caseId, idempotencyKey)));
        }
    }

    public Task<SendRecord?> TryAddAsync(SendRecord record, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            if (_records.ContainsKey((record.CaseId, record.IdempotencyKey)))
            {
                return Task.FromResult<SendRecord?>(null);
            }

            var stored = record with { Version = NextVersion() };
            _records[(record.CaseId, record.IdempotencyKey)] = stored;
            return Task.FromResult<SendRecord?>(stored);
        }
    }

    public Task<SendRecord?> TryReplaceAsync(SendRecord record, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            if (!_records.TryGetValue((record.CaseId, record.IdempotencyKey), out var current)
                || (record.Version is not null && record.Version != current.Version))
            {
                return Task.FromResult<SendRecord?>(null);
            }

            var stored = record with { Version = NextVersion() };
            _records[(record.CaseId, record.IdempotencyKey)] = stored;
            return Task.FromResult<SendRecord?>(stored);
        }
    }

    public Task<IReadOnlyList<SendRecord>> ListNotDeliveredAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            IReadOnlyList<SendRecord> list = [.. _records.Values
                .Where(r => r.CaseId == caseId && r.Status != SendStatus.Sent)
                .OrderBy(r => r.AttemptedAt)];
            return Task.FromResult(list);
        }
    }

    private string NextVersion() => (++_version).ToString(CultureInfo.InvariantCulture);
}
