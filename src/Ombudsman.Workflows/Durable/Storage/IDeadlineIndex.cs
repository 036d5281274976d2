namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>Every live durable timer by due instant: what the sweeper fires and what staff list.</summary>
internal interface IDeadlineIndex
{
    Task UpsertAsync(DeadlineEntry entry, CancellationToken cancellationToken);

    Task RemoveAsync(string instanceId, string executionId, int timerId, DateTimeOffset fireAt, CancellationToken cancellationToken);

    /// <summary>Entries due in [from, to), matching every given index field; plain timers only when asked.</summary>
    Task<IReadOnlyList<DeadlineEntry>> QueryAsync(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, string> indexFields, bool deadlinesOnly, int max, CancellationToken cancellationToken);

    /// <summary>Entries due at or before <paramref name="now"/> never claimed, or claimed before <paramref name="claimedBefore"/>.</summary>
    Task<IReadOnlyList<DeadlineEntry>> QueryDueAsync(DateTimeOffset now, DateTimeOffset claimedBefore, int max, CancellationToken cancellationToken);

    /// <summary>Marks an entry as enqueued; false when another sweeper claimed it first (ETag changed).</summary>
    Task<bool> TryClaimAsync(DeadlineEntry entry, DateTimeOffset claimedAt, CancellationToken cancellationToken);
}
