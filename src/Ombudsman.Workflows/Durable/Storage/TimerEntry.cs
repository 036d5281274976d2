namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>A live durable timer row in the instance's partition (the source of truth; the deadlines index is derived).</summary>
internal sealed record TimerEntry(int TimerId, string ExecutionId, DateTimeOffset FireAt, DeadlineInfo? Deadline);
