namespace Ombudsman.Workflows.Durable.Storage.InMemory;

/// <summary>Builds a complete in-memory storage set.</summary>
internal static class InMemoryDurableStorage
{
    public static DurableStorage Create(TimeProvider clock) => new(
        new InMemoryInstanceStore(),
        new InMemoryDeadlineIndex(),
        new InMemoryWorkQueue("orchestrator", clock),
        new InMemoryWorkQueue("activity", clock),
        new InMemoryWorkQueue("orchestrator-poison", clock),
        new InMemoryWorkQueue("activity-poison", clock),
        new InMemoryPayloadStore());
}
