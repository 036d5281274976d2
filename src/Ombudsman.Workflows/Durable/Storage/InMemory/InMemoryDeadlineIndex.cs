using System.Globalization;

namespace Ombudsman.Workflows.Durable.Storage.InMemory;

/// <summary>The deadlines index in memory, ordered by due instant.</summary>
internal sealed class InMemoryDeadlineIndex : IDeadlineIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string, int), DeadlineEntry> _entries = [];
    private long _etag;

    public Task UpsertAsync(DeadlineEntry entry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _entries[(entry.InstanceId, entry.ExecutionId, entry.TimerId)] = entry with { ETag = NextETag() };
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string instanceId, string executionId, int timerId, DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((instanceId, executionId, timerId), out var entry) && entry.FireAt == fireAt)
            {
                _entries.Remove((instanceId, executionId, timerId));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadlineEntry>> QueryAsync(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, string> indexFields, bool deadlinesOnly, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DeadlineEntry> found = _entries.Values
                .Where(e => e.FireAt >= from && e.FireAt < to)
                .Where(e => !deadlinesOnly || e.Deadline is not null)
                .Where(e => indexFields.All(f => e.IndexFields.TryGetValue(f.Key, out var v) && v == f.Value))
                .OrderBy(e => e.FireAt).ThenBy(e => e.InstanceId, StringComparer.Ordinal).ThenBy(e => e.TimerId)
                .Take(max)
                .ToList();
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<DeadlineEntry>> QueryDueAsync(DateTimeOffset now, DateTimeOffset claimedBefore, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DeadlineEntry> found = _entries.Values
                .Where(e => e.FireAt <= now && (e.ClaimedAt is null || e.ClaimedAt < claimedBefore))
                .OrderBy(e => e.FireAt)
                .Take(max)
                .ToList();
            return Task.FromResult(found);
        }
    }

    public Task<bool> TryClaimAsync(DeadlineEntry entry, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue((entry.InstanceId, entry.ExecutionId, entry.TimerId), out var current) || current.ETag != entry.ETag)
            {
                return Task.FromResult(false);
            }

            _entries[(entry.InstanceId, entry.ExecutionId, entry.TimerId)] = current with { ClaimedAt = claimedAt, ETag = NextETag() };
            return Task.FromResult(true);
        }
    }

    private string NextETag() => (++_etag).ToString(CultureInfo.InvariantCulture);
}
