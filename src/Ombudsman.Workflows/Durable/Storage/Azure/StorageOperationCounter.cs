using Azure.Core;
using Azure.Core.Pipeline;

namespace Ombudsman.Workflows.Durable.Storage.Azure;

/// <summary>Counts the storage requests the runtime's clients send (for the operations-per-step benchmark).</summary>
public sealed class StorageOperationCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
