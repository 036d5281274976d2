using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Durable.Storage;
using Ombudsman.Workflows.Durable.Storage.InMemory;

namespace Ombudsman.Workflows.Tests.Durable;

/// <summary>The runtime contract on the in-memory store.</summary>
public sealed class InMemoryDurableRuntimeTests : DurableRuntimeContractTests
{
    private protected override IDurableStorageFactory Factory { get; } = new InMemoryFactory();

    private sealed class InMemoryFactory : IDurableStorageFactory
    {
        Task<DurableStorage> IDurableStorageFactory.CreateAsync(FakeTimeProvider clock) => Task.FromResult(InMemoryDurableStorage.Create(clock));

        Task<int> IDurableStorageFactory.CountPayloadsAsync(DurableStorage storage) => Task.FromResult(((InMemoryPayloadStore)storage.Payloads).Count);
    }
}
