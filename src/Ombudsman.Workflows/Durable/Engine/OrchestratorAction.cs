namespace Ombudsman.Workflows.Durable.Engine;

/// <summary>Something orchestrator code asked for during a step; matched against history on replay.</summary>
internal abstract record OrchestratorAction(int Id)
{
    public abstract string Describe();
}

internal sealed record ScheduleActivityAction(int Id, string Name, string? Input) : OrchestratorAction(Id)
{
    public override string Describe() => $"schedule activity '{Name}' as #{Id}";
}

internal sealed record CreateTimerAction(int Id, DateTimeOffset FireAt, DeadlineInfo? Deadline) : OrchestratorAction(Id)
{
    public override string Describe() => $"create timer #{Id} due {FireAt:O}";
}

internal sealed record CancelTimerAction(int Id) : OrchestratorAction(Id)
{
    public override string Describe() => $"cancel timer #{Id}";
}

internal sealed record StartSubOrchestrationAction(int Id, string Name, string Version, string InstanceId, string? Input) : OrchestratorAction(Id)
{
    public override string Describe() => $"start sub-orchestration '{Name}' as #{Id}";
}
