namespace Ombudsman.Workflows.Durable;

/// <summary>No orchestration instance exists with the given id.</summary>
public sealed class InstanceNotFoundException(string instanceId)
    : Exception($"Orchestration instance '{instanceId}' does not exist.")
{
    public string InstanceId { get; } = instanceId;
}
