namespace Ombudsman.Workflows.Durable;

/// <summary>Lifecycle of an orchestration instance.</summary>
public enum OrchestrationStatus
{
    /// <summary>Started by a client; its first step has not run yet.</summary>
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
}
