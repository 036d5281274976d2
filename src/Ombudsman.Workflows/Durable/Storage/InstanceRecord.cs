namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>The state row of an instance: everything but its history, outbox and timers.</summary>
internal sealed record InstanceRecord
{
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public required string ExecutionId { get; init; }

    public required OrchestrationStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset LastUpdatedAt { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public FailureDetails? Failure { get; init; }

    public IReadOnlyDictionary<string, string> IndexFields { get; init; } = new Dictionary<string, string>();

    public string? ParentInstanceId { get; init; }

    public int? ParentTaskId { get; init; }

    public PoisonRecord? Poison { get; init; }

    /// <summary>How many history chunks (one per step) the current execution has.</summary>
    public int HistoryChunks { get; init; }

    /// <summary>Steps committed over all executions; orders the outbox.</summary>
    public long Steps { get; init; }

    /// <summary>Ids of events applied in the previous execution (continue-as-new), still recognised as duplicates.</summary>
    public IReadOnlyList<string> CarriedMessageIds { get; init; } = [];

    public const int MaxCarriedMessageIds = 200;

    public bool IsTerminal => Status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated;

    public InstanceStatus ToStatus() => new()
    {
        InstanceId = InstanceId,
        Name = Name,
        Version = Version,
        Status = Status,
        CreatedAt = CreatedAt,
        LastUpdatedAt = LastUpdatedAt,
        Input = Input,
        Output = Output,
        CustomStatus = CustomStatus,
        Failure = Failure,
        IndexFields = IndexFields,
        Poison = Poison,
    };
}
