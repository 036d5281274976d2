using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;

namespace Ombudsman.Workflows.Durable.Storage.Azure;

/// <summary>Creates the runtime's tables, queues and container at start-up, before the pumps run; fails start-up loudly if storage is unreachable.</summary>
internal sealed class AzureStorageInitializer(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, AzureStorageNames names) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        AzureDurableStorage.EnsureCreatedAsync(tables, queues, blobs, names, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
