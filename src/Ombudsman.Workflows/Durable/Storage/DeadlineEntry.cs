namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>A row of the deadlines index, keyed by due instant; the sweeper fires what is due.</summary>
internal sealed record DeadlineEntry
{
    public required string InstanceId { get; init; }

    public required string ExecutionId { get; init; }

    public required int TimerId { get; init; }

    public required DateTimeOffset FireAt { get; init; }

    public DeadlineInfo? Deadline { get; init; }

    public IReadOnlyDictionary<string, string> IndexFields { get; init; } = new Dictionary<string, string>();

    /// <summary>When a sweeper last enqueued its TimerFired message; null if never.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    public string? ETag { get; init; }
}
