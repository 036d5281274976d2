namespace Ombudsman.Workflows.Durable;

/// <summary>Thrown into orchestrator code when an activity or sub-orchestration it awaited failed.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string taskName, int taskId, FailureDetails failure)
        : base($"Task '{taskName}' (#{taskId}) failed: {failure}")
    {
        TaskName = taskName;
        TaskId = taskId;
        Failure = failure;
    }

    public string TaskName { get; }

    public int TaskId { get; }

    public FailureDetails Failure { get; }
}
