using Ombudsman.Workflows.Durable.History;

namespace Ombudsman.Workflows.Durable.Engine;

/// <summary>Replays an orchestrator over its history plus the step's new events and says what it does next.</summary>
internal static class OrchestrationExecutor
{
    public static ExecutionResult Execute(
        OrchestratorFunction function,
        ExecutionStarted started,
        string instanceId,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> newEvents)
    {
        var context = new OrchestrationContext(instanceId, started.Name, started.Version, started.ExecutionId);
        var sync = new ReplaySynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(sync);
        Task<string?>? body = null;
        string? terminatedReason = null;
        try
        {
            context.IsReplaying = true;
            foreach (var batch in new[] { past, newEvents })
            {
                foreach (var e in batch)
                {
                    if (e is ExecutionTerminated terminated)
                    {
                        terminatedReason = terminated.Reason;
                        break;
                    }

                    if (e is ExecutionStarted)
                    {
                        body = Start(function, context, started.Input);
                    }
                    else
                    {
                        Apply(context, e);
                    }

                    sync.RunPending();
                }

                context.IsReplaying = false;
                if (terminatedReason is not null)
                {
                    break;
                }
            }
        }
        catch (NonDeterminismException e)
        {
            return Finished(context, OrchestrationStatus.Failed, failure: FailureDetails.From(e));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (terminatedReason is not null)
        {
            return Finished(context, OrchestrationStatus.Terminated, output: DurableJson.Serialize(terminatedReason));
        }

        if (sync.ForeignPostSeen || (body is { IsCompleted: false } && !context.AwaitsDurableWork))
        {
            var error = new NonDeterminismException(
                $"Orchestrator '{started.Name}' v{started.Version} awaited work outside the durable context (Task.Delay, Task.Run or I/O); use activities and durable timers.");
            return Finished(context, OrchestrationStatus.Failed, failure: FailureDetails.From(error));
        }

        if (body is null || !body.IsCompleted)
        {
            return new ExecutionResult
            {
                NewActions = context.UnmatchedActions.ToList(),
                CustomStatus = context.CustomStatusJson,
                IndexFields = context.IndexFields,
            };
        }

        if (body.IsFaulted)
        {
            var error = body.Exception!.InnerExceptions.Count == 1 ? body.Exception.InnerException! : body.Exception;
            return Finished(context, OrchestrationStatus.Failed, failure: FailureDetails.From(error));
        }

        if (body.IsCanceled)
        {
            return Finished(context, OrchestrationStatus.Failed, failure: new FailureDetails("TaskCanceledException", "The orchestrator awaited a cancelled timer or task and did not handle it."));
        }

        return context.ContinueAsNewRequested
            ? Finished(context, OrchestrationStatus.Running, continueAsNew: true)
            : Finished(context, OrchestrationStatus.Completed, output: body.Result);
    }

    private static Task<string?> Start(OrchestratorFunction function, OrchestrationContext context, string? input)
    {
        try
        {
            return function(context, input);
        }
        catch (Exception e) when (e is not NonDeterminismException)
        {
            return Task.FromException<string?>(e);
        }
    }

    private static void Apply(OrchestrationContext context, HistoryEvent e)
    {
        switch (e)
        {
            case OrchestratorStarted s:
                context.SetCurrentTime(s.Timestamp);
                break;
            case TaskScheduled s:
                context.MatchAction(s, s.TaskId, a => a is ScheduleActivityAction sa && sa.Name == s.Name);
                break;
            case TimerCreated s:
                context.MatchAction(s, s.TaskId, a => a is CreateTimerAction);
                break;
            case TimerCancelled s:
                context.MatchAction(s, s.TaskId, a => a is CancelTimerAction);
                break;
            case SubOrchestrationCreated s:
                context.MatchAction(s, s.TaskId, a => a is StartSubOrchestrationAction sa && sa.Name == s.Name);
                break;
            case TaskCompleted c:
                context.CompleteTask(c.TaskId, c.Result);
                break;
            case TaskFailed f:
                context.FailTask(f.TaskId, f.Failure);
                break;
            case TimerFired f:
                context.FireTimer(f.TaskId);
                break;
            case SubOrchestrationCompleted c:
                context.CompleteTask(c.TaskId, c.Result);
                break;
            case SubOrchestrationFailed f:
                context.FailTask(f.TaskId, f.Failure);
                break;
            case EventRaised r:
                context.DeliverEvent(r.Name, r.Payload);
                break;
            default:
                break;
        }
    }

    private static ExecutionResult Finished(
        OrchestrationContext context, OrchestrationStatus status, string? output = null, FailureDetails? failure = null, bool continueAsNew = false) => new()
        {
            NewActions = context.UnmatchedActions.ToList(),
            Completion = status,
            Output = output,
            Failure = failure,
            ContinuedAsNew = continueAsNew,
            ContinueAsNewInput = context.ContinueAsNewInput,
            CustomStatus = context.CustomStatusJson,
            IndexFields = context.IndexFields,
        };
}
