using Azure;
using Azure.Storage.Blobs;

namespace Ombudsman.Workflows.Durable.Storage.Azure;

/// <summary>Large payloads as blobs; names are unique per write, so a blob is never changed once written.</summary>
internal sealed class BlobPayloadStore(BlobContainerClient container) : IPayloadStore
{
    public async Task PutAsync(string name, string content, CancellationToken cancellationToken) =>
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(content), overwrite: true, cancellationToken);

    public async Task<string> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new InvalidOperationException($"Payload blob '{name}' does not exist in container '{container.Name}'.", e);
        }
    }
}
