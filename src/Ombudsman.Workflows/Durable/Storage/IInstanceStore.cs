namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>Where instances live: one partition per instance, each step committed atomically.</summary>
internal interface IInstanceStore
{
    Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>The state row only (no history): for status queries and client checks.</summary>
    Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Commits a step; throws <see cref="ConcurrencyConflictException"/> when the ETag no longer matches.</summary>
    Task CommitAsync(StepCommit commit, CancellationToken cancellationToken);

    Task DeleteOutboxAsync(string instanceId, string outboxId, CancellationToken cancellationToken);

    /// <summary>Outbox batches written before <paramref name="createdBefore"/> and still not dispatched (a crash left them).</summary>
    Task<IReadOnlyList<(string InstanceId, OutboxBatch Batch)>> FindOutboxAsync(DateTimeOffset createdBefore, int max, CancellationToken cancellationToken);

    /// <summary>Records on the instance that one of its messages went to the poison queue.</summary>
    Task RecordPoisonAsync(string instanceId, PoisonRecord poison, CancellationToken cancellationToken);

    Task<IReadOnlyList<InstanceRecord>> QueryAsync(InstanceQuery query, CancellationToken cancellationToken);
}
