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
        await EnsureCreatedAsync(tables, queues, blobs, names, cancellationToken);
        return Create(tables, queues, blobs, names);
    }

    /// <summary>Creates the tables, queues and container that do not exist yet.</summary>
    public static async Task EnsureCreatedAsync(
        TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, AzureStorageNames names, CancellationToken cancellationToken)
    {
        await tables.GetTableClient(names.InstancesTable).CreateIfNotExistsAsync(cancellationToken);
        await tables.GetTableClient(names.DeadlinesTable).CreateIfNotExistsAsync(cancellationToken);
        await blobs.GetBlobContainerClient(names.PayloadsContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var queue in QueueNames(names))
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>The storage set over existing resources (no I/O).</summary>
    public static DurableStorage Create(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, AzureStorageNames names)
    {
        var instances = tables.GetTableClient(names.InstancesTable);
        var deadlines = tables.GetTableClient(names.DeadlinesTable);
        var container = blobs.GetBlobContainerClient(names.PayloadsContainer);
        var queueClients = QueueNames(names).Select(queues.GetQueueClient).ToArray();
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

    /// <summary>Client options for the runtime's storage clients: Base64 queue messages, optional request counting.</summary>
    public static T Options<T>(T options, StorageOperationCounter? counter)
        where T : ClientOptions
    {
        if (counter is not null)
        {
            options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        }

        return options;
    }

    private static string[] QueueNames(AzureStorageNames names) =>
    [
        names.OrchestratorQueue, names.ActivityQueue, names.OrchestratorQueue + names.PoisonQueueSuffix, names.ActivityQueue + names.PoisonQueueSuffix,
    ];
}
