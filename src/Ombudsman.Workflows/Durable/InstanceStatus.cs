using System.Text.Json;

namespace Ombudsman.Workflows.Durable;

/// <summary>What a client sees of one orchestration instance.</summary>
public sealed record InstanceStatus
{
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public required OrchestrationStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset LastUpdatedAt { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    /// <summary>The orchestrator's custom status as JSON, or null.</summary>
    public string? CustomStatus { get; init; }

    public FailureDetails? Failure { get; init; }

    public IReadOnlyDictionary<string, string> IndexFields { get; init; } = new Dictionary<string, string>();

    /// <summary>The last message that could not be processed and went to the poison queue, if any.</summary>
    public PoisonRecord? Poison { get; init; }

    public T? ReadOutput<T>() => Output is null ? default : JsonSerializer.Deserialize<T>(Output, DurableJson.Options);

    public T? ReadCustomStatus<T>() => CustomStatus is null ? default : JsonSerializer.Deserialize<T>(CustomStatus, DurableJson.Options);
}
