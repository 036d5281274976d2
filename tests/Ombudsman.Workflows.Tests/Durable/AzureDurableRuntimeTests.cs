using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Durable.Storage;
using Ombudsman.Workflows.Durable.Storage.Azure;

namespace Ombudsman.Workflows.Tests.Durable;

/// <summary>The runtime contract on Azure Storage (tables, queues, blobs) through Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureDurableRuntimeTests(AzuriteFixture azurite) : DurableRuntimeContractTests
{
    private protected override IDurableStorageFactory Factory { get; } = new AzureFactory(azurite);

    private sealed class AzureFactory(AzuriteFixture azurite) : IDurableStorageFactory
    {
        private readonly Dictionary<DurableStorage, AzureStorageNames> _names = [];

        async Task<DurableStorage> IDurableStorageFactory.CreateAsync(FakeTimeProvider clock)
        {
            // Each test gets its own tables, queues and container on the shared emulator.
            var names = AzureStorageNames.WithPrefix("t" + Guid.NewGuid().ToString("N")[..12]);
            var storage = await AzureDurableStorage.CreateAsync(azurite.ConnectionString, names, counter: null, CancellationToken.None);
            lock (_names)
            {
                _names[storage] = names;
            }

            return storage;
        }

        async Task<int> IDurableStorageFactory.CountPayloadsAsync(DurableStorage storage)
        {
            AzureStorageNames names;
            lock (_names)
            {
                names = _names[storage];
            }

            var container = new BlobContainerClient(azurite.ConnectionString, names.PayloadsContainer);
            var count = 0;
            await foreach (var _ in container.GetBlobsAsync())
            {
                count++;
            }

            return count;
        }
    }
}
