namespace Ombudsman.Workflows.Durable;

/// <summary>An instance with this id already exists and runs a different orchestration.</summary>
public sealed class InstanceIdConflictException(string instanceId, string existingName, string requestedName)
    : Exception($"Instance '{instanceId}' already exists and runs '{existingName}', not '{requestedName}'.")
{
    public string InstanceId { get; } = instanceId;
}
