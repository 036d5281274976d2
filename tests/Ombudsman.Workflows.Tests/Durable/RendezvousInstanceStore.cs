using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Workflows.Tests.Durable;

/// <summary>
/// Holds the first loads until a second dispatcher has loaded too, so both work from the same ETag and
/// one of them must lose the commit race. Counts the conflicts it saw. Every wait is bounded.
/// </summary>
internal sealed class RendezvousInstanceStore(IInstanceStore inner, int rendezvousCount) : IInstanceStore
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _waiting;
    private int _remaining = rendezvousCount;
    private int _conflicts;

    public int Conflicts => Volatile.Read(ref _conflicts);

    public async Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var snapshot = await inner.LoadAsync(instanceId, cancellationToken);
        TaskCompletionSource? mine = null;
        lock (_gate)
        {
            if (_remaining > 0)
            {
                _remaining--;
                if (_waiting is null)
                {
                    _waiting = mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                else
                {
                    _waiting.TrySetResult();
                    _waiting = null;
                }
            }
        }

        if (mine is not null)
        {
            await Task.WhenAny(mine.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
        }

        return snapshot;
    }

    public async Task CommitAsync(StepCommit commit, CancellationToken cancellationToken)
    {
        try
        {
            await inner.CommitAsync(commit, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }

    public Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken) => inner.GetAsync(instanceId, cancellationToken);

    public Task DeleteOutboxAsync(string instanceId, string outboxId, CancellationToken cancellationToken) =>
        inner.DeleteOutboxAsync(instanceId, outboxId, cancellationToken);

    public Task<IReadOnlyList<(string InstanceId, OutboxBatch Batch)>> FindOutboxAsync(DateTimeOffset createdBefore, int max, CancellationToken cancellationToken) =>
        inner.FindOutboxAsync(createdBefore, max, cancellationToken);

    public Task RecordPoisonAsync(string instanceId, PoisonRecord poison, CancellationToken cancellationToken) =>
        inner.RecordPoisonAsync(instanceId, poison, cancellationToken);

    public Task<IReadOnlyList<InstanceRecord>> QueryAsync(InstanceQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(query, cancellationToken);
}
