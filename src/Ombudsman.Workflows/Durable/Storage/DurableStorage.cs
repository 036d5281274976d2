namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>The set of stores one runtime uses: in memory for unit tests, Azure Storage otherwise.</summary>
internal sealed record DurableStorage(
    IInstanceStore Instances,
    IDeadlineIndex Deadlines,
    IWorkQueue OrchestratorQueue,
    IWorkQueue ActivityQueue,
    IWorkQueue PoisonQueue,
    IPayloadStore Payloads);
