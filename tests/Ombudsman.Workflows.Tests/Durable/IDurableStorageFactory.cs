using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Workflows.Tests.Durable;

/// <summary>Makes a fresh, empty storage set for one contract test (in memory, or Azure through Azurite).</summary>
public interface IDurableStorageFactory
{
    internal Task<DurableStorage> CreateAsync(FakeTimeProvider clock);

    /// <summary>How many large payloads the set holds outside tables and queues (blobs in Azure).</summary>
    internal Task<int> CountPayloadsAsync(DurableStorage storage);
}
