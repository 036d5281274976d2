namespace Ombudsman.Workflows.Durable.Dispatch;

/// <summary>Which work queue a message came from.</summary>
public enum QueueKind
{
    Orchestrator,
    Activity,
}
