using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Benchmarks;

/// <summary>Wraps a storage set so every call to a store, queue or payload operation is counted (same yardstick for both stores).</summary>
internal sealed class OperationCount
{
    private long _count;

    public long Value => Interlocked.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);

    public static DurableStorage Wrap(DurableStorage s, OperationCount c) => new(
        new CountingInstances(s.Instances, c),
        new CountingDeadlines(s.Deadlines, c),
        new CountingQueue(s.OrchestratorQueue, c),
        new CountingQueue(s.ActivityQueue, c),
        new CountingQueue(s.OrchestratorPoisonQueue, c),
        new CountingQueue(s.ActivityPoisonQueue, c),
        new CountingPayloads(s.Payloads, c));

    private sealed class CountingInstances(IInstanceStore inner, OperationCount c) : IInstanceStore
    {
        public Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken ct) { c.Add(); return inner.LoadAsync(instanceId, ct); }

        public Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken ct) { c.Add(); return inner.GetAsync(instanceId, ct); }

        public Task CommitAsync(StepCommit commit, CancellationToken ct) { c.Add(); return inner.CommitAsync(commit, ct); }

        public Task DeleteOutboxAsync(string instanceId, string outboxId, CancellationToken ct) { c.Add(); return inner.DeleteOutboxAsync(instanceId, outboxId, ct); }

        public Task<IReadOnlyList<(string InstanceId, OutboxBatch Batch)>> FindOutboxAsync(DateTimeOffset createdBefore, int max, CancellationToken ct) { c.Add(); return inner.FindOutboxAsync(createdBefore, max, ct); }

        public Task RecordPoisonAsync(string instanceId, PoisonRecord poison, CancellationToken ct) { c.Add(); return inner.RecordPoisonAsync(instanceId, poison, ct); }

        public Task<IReadOnlyList<InstanceRecord>> QueryAsync(InstanceQuery query, CancellationToken ct) { c.Add(); return inner.QueryAsync(query, ct); }
    }

    private sealed class CountingDeadlines(IDeadlineIndex inner, OperationCount c) : IDeadlineIndex
    {
        public Task UpsertAsync(DeadlineEntry entry, CancellationToken ct) { c.Add(); return inner.UpsertAsync(entry, ct); }

        public Task RemoveAsync(string instanceId, string executionId, int timerId, DateTimeOffset fireAt, CancellationToken ct) { c.Add(); return inner.RemoveAsync(instanceId, executionId, timerId, fireAt, ct); }

        public Task<IReadOnlyList<DeadlineEntry>> QueryAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, string> indexFields, bool deadlinesOnly, int max, CancellationToken ct) { c.Add(); return inner.QueryAsync(from, to, indexFields, deadlinesOnly, max, ct); }

        public Task<IReadOnlyList<DeadlineEntry>> QueryDueAsync(DateTimeOffset now, DateTimeOffset claimedBefore, int max, CancellationToken ct) { c.Add(); return inner.QueryDueAsync(now, claimedBefore, max, ct); }

        public Task<bool> TryClaimAsync(DeadlineEntry entry, DateTimeOffset claimedAt, CancellationToken ct) { c.Add(); return inner.TryClaimAsync(entry, claimedAt, ct); }
    }

    private sealed class CountingQueue(IWorkQueue inner, OperationCount c) : IWorkQueue
    {
        public string Name => inner.Name;

        public Task SendAsync(string body, CancellationToken ct) { c.Add(); return inner.SendAsync(body, ct); }

        public Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct) { c.Add(); return inner.ReceiveAsync(maxMessages, visibilityTimeout, ct); }

        public Task DeleteAsync(QueuedMessage message, CancellationToken ct) { c.Add(); return inner.DeleteAsync(message, ct); }

        public Task AbandonAsync(QueuedMessage message, TimeSpan visibleAfter, CancellationToken ct) { c.Add(); return inner.AbandonAsync(message, visibleAfter, ct); }

        public Task<QueuedMessage> RenewAsync(QueuedMessage message, TimeSpan visibility, CancellationToken ct) { c.Add(); return inner.RenewAsync(message, visibility, ct); }
    }

    private sealed class CountingPayloads(IPayloadStore inner, OperationCount c) : IPayloadStore
    {
        public Task PutAsync(string name, string content, CancellationToken ct) { c.Add(); return inner.PutAsync(name, content, ct); }

        public Task<string> GetAsync(string name, CancellationToken ct) { c.Add(); return inner.GetAsync(name, ct); }
    }
}
