namespace Ombudsman.Workflows.Durable.Dispatch;

/// <summary>A work item asking for one activity execution for task <see cref="TaskId"/> of an instance.</summary>
internal sealed record ActivityMessage(string InstanceId, string ExecutionId, int TaskId, string Name, string? Input);
