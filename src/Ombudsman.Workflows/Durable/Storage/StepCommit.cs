using Ombudsman.Workflows.Durable.History;

namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>
/// Everything one step writes, committed atomically in the instance's partition and guarded by the state row's ETag
/// (<see cref="ExpectedETag"/> null: the instance must not exist yet).
/// </summary>
internal sealed record StepCommit
{
    public required InstanceRecord Record { get; init; }

    public required string? ExpectedETag { get; init; }

    public IReadOnlyList<HistoryEvent> AppendHistory { get; init; } = [];

    /// <summary>The step starts a new execution (continue-as-new): the earlier execution's history is dropped.</summary>
    public bool NewExecution { get; init; }

    public OutboxBatch? Outbox { get; init; }

    public IReadOnlyList<TimerEntry> AddTimers { get; init; } = [];

    public IReadOnlyList<int> RemoveTimers { get; init; } = [];
}
