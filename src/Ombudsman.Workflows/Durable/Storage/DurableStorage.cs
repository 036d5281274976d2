namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>The set of stores one runtime uses: in memory for unit tests, Azure Storage otherwise.</summary>
internal sealed record DurableStorage(
    IInstanceStore Instances,
    IDeadlineIndex Deadlines,
    IWorkQueue OrchestratorQueue,
    IWorkQueue ActivityQueue,
    IWorkQueue OrchestratorPoisonQueue,
    IWorkQueue ActivityPoisonQueue,
    IPayloadStore Payloads)
{
    public IWorkQueue Queue(Dispatch.QueueKind kind) => kind == Dispatch.QueueKind.Orchestrator ? OrchestratorQueue : ActivityQueue;

    public IWorkQueue PoisonQueue(Dispatch.QueueKind kind) => kind == Dispatch.QueueKind.Orchestrator ? OrchestratorPoisonQueue : ActivityPoisonQueue;
}
