using Ombudsman.Workflows.Durable.History;

namespace Ombudsman.Workflows.Durable.Storage.InMemory;

/// <summary>The instance store in memory, with the same commit contract as Azure tables (for fast unit tests).</summary>
internal sealed class InMemoryInstanceStore : IInstanceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);

    public Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_partitions.TryGetValue(instanceId, out var p))
            {
                return Task.FromResult<InstanceSnapshot?>(null);
            }

            return Task.FromResult<InstanceSnapshot?>(new InstanceSnapshot(
                p.Record, p.ETag.ToString(System.Globalization.CultureInfo.InvariantCulture), p.History.ToList(), p.Outbox.Values.ToList(), p.Timers.Values.ToList()));
        }
    }

    public Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_partitions.TryGetValue(instanceId, out var p) ? p.Record : null);
        }
    }

    public Task CommitAsync(StepCommit commit, CancellationToken cancellationToken)
    {
        var id = commit.Record.InstanceId;
        lock (_gate)
        {
            _partitions.TryGetValue(id, out var p);
            if (commit.ExpectedETag is null ? p is not null : p is null || p.ETag.ToString(System.Globalization.CultureInfo.InvariantCulture) != commit.ExpectedETag)
            {
                throw new ConcurrencyConflictException(id);
            }

            p ??= _partitions[id] = new Partition();
            p.Record = commit.Record;
            p.ETag++;
            if (commit.NewExecution)
            {
                p.History.Clear();
            }

            p.History.AddRange(commit.AppendHistory);
            if (commit.Outbox is not null)
            {
                p.Outbox[commit.Outbox.Id] = commit.Outbox;
            }

            foreach (var timer in commit.RemoveTimers)
            {
                p.Timers.Remove(timer);
            }

            foreach (var timer in commit.AddTimers)
            {
                p.Timers[timer.TimerId] = timer;
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteOutboxAsync(string instanceId, string outboxId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_partitions.TryGetValue(instanceId, out var p))
            {
                p.Outbox.Remove(outboxId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(string InstanceId, OutboxBatch Batch)>> FindOutboxAsync(DateTimeOffset createdBefore, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<(string, OutboxBatch)> found = _partitions
                .SelectMany(p => p.Value.Outbox.Values.Where(b => b.CreatedAt < createdBefore).Select(b => (p.Key, b)))
                .Take(max)
                .ToList();
            return Task.FromResult(found);
        }
    }

    public Task RecordPoisonAsync(string instanceId, PoisonRecord poison, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_partitions.TryGetValue(instanceId, out var p))
            {
                p.Record = p.Record with { Poison = poison };
                p.ETag++;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InstanceRecord>> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<InstanceRecord> found = _partitions.Values
                .Select(p => p.Record)
                .Where(r => query.Status is null || r.Status == query.Status)
                .Where(r => query.IndexFields.All(f => r.IndexFields.TryGetValue(f.Key, out var v) && v == f.Value))
                .OrderBy(r => r.InstanceId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(found);
        }
    }

    private sealed class Partition
    {
        public InstanceRecord Record { get; set; } = null!;

        public long ETag { get; set; }

        public List<HistoryEvent> History { get; } = [];

        public Dictionary<string, OutboxBatch> Outbox { get; } = new(StringComparer.Ordinal);

        public Dictionary<int, TimerEntry> Timers { get; } = [];
    }
}
