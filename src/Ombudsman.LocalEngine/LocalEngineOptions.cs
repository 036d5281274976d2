namespace Ombudsman.LocalEngine;

/// <summary>Where and how the local engine keeps its task hub; bound from the <c>DurableTask</c> section.</summary>
public sealed record LocalEngineOptions
{
    public const string SectionName = "DurableTask";

    /// <summary>A storage connection string (Azurite locally).</summary>
    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The task hub: the prefix of the engine's own queues, tables and blob containers.</summary>
    public string HubName { get; set; } = "OmbudsmanHub";

    /// <summary>
    /// The longest the engine waits between polls of an idle queue; it bounds how late a durable timer fires
    /// (measured here: 30 s fired timers 5-8 s late, 1 s on time).
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Control-queue partitions: how many hosts can share the orchestrations (the default of Durable Functions is 4).</summary>
    public int PartitionCount { get; set; } = 4;
}
