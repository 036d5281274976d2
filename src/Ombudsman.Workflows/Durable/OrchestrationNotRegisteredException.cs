namespace Ombudsman.Workflows.Durable;

/// <summary>No orchestration with this name and version is registered on this host (a deploy dropped a version still in use).</summary>
public sealed class OrchestrationNotRegisteredException(string name, string version)
    : Exception($"Orchestration '{name}' v{version} is not registered on this host; keep every version registered while instances use it.")
{
    public string Name { get; } = name;

    public string Version { get; } = version;
}
