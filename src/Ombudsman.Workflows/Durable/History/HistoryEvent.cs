using System.Text.Json.Serialization;

namespace Ombudsman.Workflows.Durable.History;

/// <summary>
/// One fact in an instance's history. Events that arrive as messages carry the message id so that a redelivered
/// message is recognised and ignored.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(OrchestratorStarted), "OrchestratorStarted")]
[JsonDerivedType(typeof(ExecutionStarted), "ExecutionStarted")]
[JsonDerivedType(typeof(TaskScheduled), "TaskScheduled")]
[JsonDerivedType(typeof(TaskCompleted), "TaskCompleted")]
[JsonDerivedType(typeof(TaskFailed), "TaskFailed")]
[JsonDerivedType(typeof(TimerCreated), "TimerCreated")]
[JsonDerivedType(typeof(TimerFired), "TimerFired")]
[JsonDerivedType(typeof(TimerCancelled), "TimerCancelled")]
[JsonDerivedType(typeof(EventRaised), "EventRaised")]
[JsonDerivedType(typeof(SubOrchestrationCreated), "SubOrchestrationCreated")]
[JsonDerivedType(typeof(SubOrchestrationCompleted), "SubOrchestrationCompleted")]
[JsonDerivedType(typeof(SubOrchestrationFailed), "SubOrchestrationFailed")]
[JsonDerivedType(typeof(ExecutionTerminated), "ExecutionTerminated")]
[JsonDerivedType(typeof(ExecutionCompleted), "ExecutionCompleted")]
internal abstract record HistoryEvent
{
    public string? MessageId { get; init; }

    /// <summary>A short description used in determinism errors, e.g. "TaskScheduled #2 'SendReceipt'".</summary>
    public abstract string Describe();
}

/// <summary>A step began; its timestamp is the orchestrator's current time for that step.</summary>
internal sealed record OrchestratorStarted(DateTimeOffset Timestamp) : HistoryEvent
{
    public override string Describe() => $"OrchestratorStarted {Timestamp:O}";
}

internal sealed record ExecutionStarted(string Name, string Version, string ExecutionId, string? Input) : HistoryEvent
{
    public string? ParentInstanceId { get; init; }

    public int? ParentTaskId { get; init; }

    public override string Describe() => $"ExecutionStarted '{Name}' v{Version}";
}

internal sealed record TaskScheduled(int TaskId, string Name, string? Input) : HistoryEvent
{
    public override string Describe() => $"TaskScheduled #{TaskId} activity '{Name}'";
}

internal sealed record TaskCompleted(int TaskId, string? Result) : HistoryEvent
{
    public override string Describe() => $"TaskCompleted #{TaskId}";
}

internal sealed record TaskFailed(int TaskId, FailureDetails Failure) : HistoryEvent
{
    public override string Describe() => $"TaskFailed #{TaskId}";
}

internal sealed record TimerCreated(int TaskId, DateTimeOffset FireAt, DeadlineInfo? Deadline) : HistoryEvent
{
    public override string Describe() => $"TimerCreated #{TaskId} due {FireAt:O}{(Deadline is null ? string.Empty : $" ({Deadline.Kind})")}";
}

internal sealed record TimerFired(int TaskId, DateTimeOffset FireAt) : HistoryEvent
{
    public override string Describe() => $"TimerFired #{TaskId}";
}

internal sealed record TimerCancelled(int TaskId) : HistoryEvent
{
    public override string Describe() => $"TimerCancelled #{TaskId}";
}

internal sealed record EventRaised(string Name, string? Payload) : HistoryEvent
{
    public override string Describe() => $"EventRaised '{Name}'";
}

internal sealed record SubOrchestrationCreated(int TaskId, string Name, string Version, string InstanceId, string? Input) : HistoryEvent
{
    public override string Describe() => $"SubOrchestrationCreated #{TaskId} '{Name}' as '{InstanceId}'";
}

internal sealed record SubOrchestrationCompleted(int TaskId, string? Result) : HistoryEvent
{
    public override string Describe() => $"SubOrchestrationCompleted #{TaskId}";
}

internal sealed record SubOrchestrationFailed(int TaskId, FailureDetails Failure) : HistoryEvent
{
    public override string Describe() => $"SubOrchestrationFailed #{TaskId}";
}

internal sealed record ExecutionTerminated(string Reason) : HistoryEvent
{
    public override string Describe() => $"ExecutionTerminated '{Reason}'";
}

internal sealed record ExecutionCompleted(OrchestrationStatus Status, string? Output, FailureDetails? Failure) : HistoryEvent
{
    public override string Describe() => $"ExecutionCompleted {Status}";
}
