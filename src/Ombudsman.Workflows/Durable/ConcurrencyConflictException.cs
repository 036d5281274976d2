namespace Ombudsman.Workflows.Durable;

/// <summary>A step lost the race for an instance (its state row's ETag changed, or the instance already exists).</summary>
public sealed class ConcurrencyConflictException(string instanceId)
    : Exception($"Orchestration instance '{instanceId}' was changed by another dispatcher.")
{
    public string InstanceId { get; } = instanceId;
}
