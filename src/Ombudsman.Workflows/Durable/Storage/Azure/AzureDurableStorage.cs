using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Ombudsman.Workflows.Durable.Storage.Azure;

/// <summary>Builds the Azure Storage set (tables, queues, payload container), creating what does not exist.</summary>
internal static class AzureDurableStorage
{
    public static async Task<DurableStorage> CreateAsync(
        string connectionString, AzureStorageNames names, StorageOperationCounter? counter, CancellationToken cancellationToken)
    {
        var tables = new TableServiceClient(connectionString, Options(new TableClientOptions(), counter));
        var queues = new QueueServiceClient(connectionString, Options(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, counter));
        var blobs = new BlobServiceClient(connectionString, Options(new BlobClientOptions(), counter));
        return await CreateAsync(tables, queues, blobs, names, cancellationToken);
    }

    /// <summary>With clients built elsewhere (e.g. managed identity in Azure; queue clients must use Base64 encoding).</summary>
    public static async Task<DurableStorage> CreateAsync(
        TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, AzureStorageNames names, CancellationToken cancellationToken)
    {
        var instances = tables.GetTableClient(names.InstancesTable);
        var deadlines = tables.GetTableClient(names.DeadlinesTable);
        var container = blobs.GetBlobContainerClient(names.PayloadsContainer);
        await instances.CreateIfNotExistsAsync(cancellationToken);
        await deadlines.CreateIfNotExistsAsync(cancellationToken);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var queueClients = new[]
        {
            names.OrchestratorQueue, names.ActivityQueue, names.OrchestratorQueue + names.PoisonQueueSuffix, names.ActivityQueue + names.PoisonQueueSuffix,
        }.Select(queues.GetQueueClient).ToArray();
        foreach (var queue in queueClients)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        var payloads = new BlobPayloadStore(container);
        return new DurableStorage(
            new AzureInstanceStore(instances, payloads),
            new AzureDeadlineIndex(deadlines),
            new AzureWorkQueue(queueClients[0]),
            new AzureWorkQueue(queueClients[1]),
            new AzureWorkQueue(queueClients[2]),
            new AzureWorkQueue(queueClients[3]),
            payloads);
    }

    private static T Options<T>(T options, StorageOperationCounter? counter)
        where T : ClientOptions
    {
        if (counter is not null)
        {
            options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        }

        return options;
    }
}
