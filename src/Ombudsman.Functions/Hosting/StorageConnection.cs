using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Ombudsman.Functions.Hosting;

/// <summary>
/// The storage account the app uses, from configuration: <c>ConnectionStrings:Storage</c> (Azurite, local runs) or
/// <c>Storage:blobServiceUri</c> / <c>queueServiceUri</c> / <c>tableServiceUri</c> with the managed identity
/// (<see cref="DefaultAzureCredential"/>) in Azure, as infra/bicep/main.bicep sets them.
/// </summary>
internal sealed record StorageConnection(TableServiceClient Tables, QueueServiceClient Queues, BlobServiceClient Blobs)
{
    public const string ConnectionStringName = "Storage";
    public const string SectionName = "Storage";

    public static StorageConnection FromConfiguration(IConfiguration configuration)
    {
        // The runtime's queue messages are Base64, which is what the Functions host's queue trigger decodes by default.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString)
        {
            return new StorageConnection(
                new TableServiceClient(connectionString),
                new QueueServiceClient(connectionString, queueOptions),
                new BlobServiceClient(connectionString));
        }

        var section = configuration.GetSection(SectionName);
        var blob = section["blobServiceUri"];
        var queue = section["queueServiceUri"];
        var table = section["tableServiceUri"];
        if (string.IsNullOrEmpty(blob) || string.IsNullOrEmpty(queue) || string.IsNullOrEmpty(table))
        {
            throw new InvalidOperationException(
                "No storage is configured: set ConnectionStrings:Storage (e.g. ConnectionStrings__Storage=UseDevelopmentStorage=true for Azurite), " +
                "or all of Storage:blobServiceUri, Storage:queueServiceUri and Storage:tableServiceUri (managed identity in Azure).");
        }

        TokenCredential credential = new DefaultAzureCredential();
        return new StorageConnection(
            new TableServiceClient(new Uri(table), credential),
            new QueueServiceClient(new Uri(queue), credential, queueOptions),
            new BlobServiceClient(new Uri(blob), credential));
    }
}
