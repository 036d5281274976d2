namespace Ombudsman.Workflows.Durable.Storage.Azure;

/// <summary>The tables, queues and container the runtime uses (settings "StorageNames"; infra/bicep/modules/names.bicep has the same defaults).</summary>
public sealed record AzureStorageNames
{
    public string InstancesTable { get; init; } = "OmbudsmanInstances";

    public string DeadlinesTable { get; init; } = "OmbudsmanDeadlines";

    public string OrchestratorQueue { get; init; } = "ombudsman-orchestrator";

    public string ActivityQueue { get; init; } = "ombudsman-activity";

    /// <summary>A work queue's poison queue is its name plus this suffix, as the Functions host names it.</summary>
    public string PoisonQueueSuffix { get; init; } = "-poison";

    public string PayloadsContainer { get; init; } = "payloads";

    /// <summary>The same names with a prefix (letters and digits), e.g. to isolate tests sharing one account.</summary>
    public static AzureStorageNames WithPrefix(string prefix) => new()
    {
        InstancesTable = prefix + "Instances",
        DeadlinesTable = prefix + "Deadlines",
        OrchestratorQueue = prefix.ToLowerInvariant() + "-orchestrator",
        ActivityQueue = prefix.ToLowerInvariant() + "-activity",
        PayloadsContainer = prefix.ToLowerInvariant() + "-payloads",
    };
}
