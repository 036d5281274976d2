namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>Holds payloads too large for a table property or a queue message (blob storage in Azure).</summary>
internal interface IPayloadStore
{
    Task PutAsync(string name, string content, CancellationToken cancellationToken);

    Task<string> GetAsync(string name, CancellationToken cancellationToken);
}
