namespace Ombudsman.Workflows.Durable.Storage.Azure;

/// <summary>The tables, queues and container the runtime uses; one place to rename them (Bicep uses the same defaults).</summary>
public sealed record AzureStorageNames
{
    public string InstancesTable { get; init; } = "OmbudsmanInstances";

    public string DeadlinesTable { get; init; } = "OmbudsmanDeadlines";

    public string OrchestratorQueue { get; init; } = "ombudsman-orchestrator";

    public string ActivityQueue { get; init; } = "ombudsman-activity";

    public string PoisonQueue { get; init; } = "ombudsman-poison";

    public string PayloadContainer { get; init; } = "payloads";

    /// <summary>The same names with a prefix (letters and digits), e.g. to isolate tests sharing one account.</summary>
    public static AzureStorageNames WithPrefix(string prefix) => new()
    {
        InstancesTable = prefix + "Instances",
        DeadlinesTable = prefix + "Deadlines",
        OrchestratorQueue = prefix.ToLowerInvariant() + "-orchestrator",
        ActivityQueue = prefix.ToLowerInvariant() + "-activity",
        PoisonQueue = prefix.ToLowerInvariant() + "-poison",
        PayloadContainer = prefix.ToLowerInvariant() + "-payloads",
    };
}
