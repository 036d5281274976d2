using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ombudsman.Workflows.Durable.Engine;
using Ombudsman.Workflows.Durable.History;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Workflows.Durable.Dispatch;

/// <summary>
/// The one code path that processes a message, used by both front doors (the built-in pumps and the custom
/// handler's invocation endpoints), plus the sweeper of due timers and leftover outbox rows.
/// </summary>
internal sealed partial class DurableEngine(
    DurableRegistry registry,
    DurableStorage storage,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<DurableOptions> options,
    ILogger<DurableEngine> logger)
{
    private readonly DurableOptions _options = options.Value;
    private readonly MessageCodec _codec = new(storage.Payloads);

    internal DurableStorage Storage => storage;

    internal DurableRegistry Registry => registry;

    internal TimeProvider Clock => clock;

    /// <summary>Handles one queue message; the caller deletes it unless the outcome is <see cref="DispatchOutcome.Retry"/>.</summary>
    public async Task<DispatchOutcome> HandleAsync(QueueKind kind, string messageId, string body, long dequeueCount, CancellationToken cancellationToken)
    {
        try
        {
            if (kind == QueueKind.Orchestrator)
            {
                await ProcessOrchestratorMessageAsync(await _codec.DecodeAsync<OrchestratorMessage>(body, cancellationToken), cancellationToken);
            }
            else
            {
                await ProcessActivityMessageAsync(await _codec.DecodeAsync<ActivityMessage>(body, cancellationToken), cancellationToken);
            }

            return DispatchOutcome.Completed;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (dequeueCount >= _options.MaxDequeueCount)
            {
                await PoisonAsync(kind, messageId, body, dequeueCount, e, cancellationToken);
                return DispatchOutcome.Poisoned;
            }

            LogRetry(logger, e, kind, messageId, dequeueCount);
            return DispatchOutcome.Retry;
        }
    }

    /// <summary>Handles a message from one of the runtime's queues and deletes it, or gives it back with a backoff.</summary>
    public async Task<DispatchOutcome> HandleAndSettleAsync(QueueKind kind, QueuedMessage message, CancellationToken cancellationToken)
    {
        var queue = storage.Queue(kind);
        var outcome = await HandleAsync(kind, message.Id, message.Body, message.DequeueCount, cancellationToken);
        if (outcome == DispatchOutcome.Retry)
        {
            var backoff = TimeSpan.FromTicks(Math.Min(
                _options.RetryBackoff.Ticks * (1L << (int)Math.Min(message.DequeueCount - 1, 20)),
                _options.VisibilityTimeout.Ticks));
            await queue.AbandonAsync(message, backoff, cancellationToken);
        }
        else
        {
            await queue.DeleteAsync(message, cancellationToken);
        }

        return outcome;
    }

    public async Task ProcessOrchestratorMessageAsync(OrchestratorMessage message, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await storage.Instances.LoadAsync(message.InstanceId, cancellationToken)
                ?? throw new InstanceNotFoundException(message.InstanceId);

            // Finish what an earlier step committed but did not send, before anything new happens (order is kept).
            foreach (var leftover in snapshot.Outbox.OrderBy(b => b.CreatedAt))
            {
                await DispatchOutboxAsync(message.InstanceId, leftover, cancellationToken);
            }

            if (WhyIgnored(snapshot, message) is { } reason)
            {
                LogIgnored(logger, message.InstanceId, message.Event.Describe(), reason);
                if (message.Event is TimerFired fired && snapshot.Timers.All(t => t.TimerId != fired.TaskId))
                {
                    // A fired or cancelled timer's index row may have been re-added by a late outbox: remove it.
                    await storage.Deadlines.RemoveAsync(message.InstanceId, fired.TaskId, fired.FireAt, cancellationToken);
                }

                return;
            }

            var commit = BuildStep(snapshot, message);
            try
            {
                await storage.Instances.CommitAsync(commit, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < _options.MaxConflictRetries)
            {
                LogConflict(logger, message.InstanceId, attempt);
                continue;
            }

            if (commit.Outbox is { } batch)
            {
                await DispatchOutboxAsync(message.InstanceId, batch, cancellationToken);
            }

            return;
        }
    }

    public async Task ProcessActivityMessageAsync(ActivityMessage message, CancellationToken cancellationToken)
    {
        HistoryEvent result;
        var activity = registry.FindActivity(message.Name);
        if (activity is null)
        {
            result = new TaskFailed(message.TaskId, new FailureDetails("ActivityNotFound", $"No activity named '{message.Name}' is registered."));
        }
        else
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                result = new TaskCompleted(message.TaskId, await activity(scope.ServiceProvider, message.Input, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogActivityFailed(logger, e, message.Name, message.InstanceId, message.TaskId);
                result = new TaskFailed(message.TaskId, FailureDetails.From(e));
            }
        }

        var messageId = $"{message.InstanceId}|{message.ExecutionId}|{message.TaskId}|result";
        await SendToOrchestratorAsync(new OrchestratorMessage(message.InstanceId, message.ExecutionId, result with { MessageId = messageId }), cancellationToken);
    }

    /// <summary>Creates an instance and its start message in one commit; false if it already existed.</summary>
    public async Task<bool> CreateInstanceAsync(OrchestratorMessage start, CancellationToken cancellationToken)
    {
        var started = (ExecutionStarted)start.Event;
        var now = clock.GetUtcNow();
        var record = new InstanceRecord
        {
            InstanceId = start.InstanceId,
            Name = started.Name,
            Version = started.Version,
            ExecutionId = started.ExecutionId,
            Status = OrchestrationStatus.Pending,
            CreatedAt = now,
            LastUpdatedAt = now,
            Input = started.Input,
            ParentInstanceId = started.ParentInstanceId,
            ParentTaskId = started.ParentTaskId,
        };
        var batch = new OutboxBatch(NewId(), now, [new SendToOrchestrator(start)]);
        try
        {
            await storage.Instances.CommitAsync(new StepCommit { Record = record, ExpectedETag = null, Outbox = batch }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }

        await DispatchOutboxAsync(start.InstanceId, batch, cancellationToken);
        return true;
    }

    public Task SendToOrchestratorAsync(OrchestratorMessage message, CancellationToken cancellationToken) =>
        SendAsync(storage.OrchestratorQueue, message, message.InstanceId, cancellationToken);

    /// <summary>Enqueues TimerFired for due timers and dispatches outbox batches a crashed host left behind.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        const int page = 500;
        var now = clock.GetUtcNow();
        var fired = 0;
        for (var round = 0; round < 10_000; round++)
        {
            var due = await storage.Deadlines.QueryDueAsync(now, now - _options.TimerRedeliveryAfter, page, cancellationToken);
            foreach (var entry in due)
            {
                if (!await storage.Deadlines.TryClaimAsync(entry, now, cancellationToken))
                {
                    continue;
                }

                var fire = new TimerFired(entry.TimerId, entry.FireAt) { MessageId = $"{entry.InstanceId}|{entry.ExecutionId}|{entry.TimerId}|fired" };
                await SendToOrchestratorAsync(new OrchestratorMessage(entry.InstanceId, entry.ExecutionId, fire), cancellationToken);
                fired++;
            }

            if (due.Count < page)
            {
                break;
            }
        }

        var leftovers = await storage.Instances.FindOutboxAsync(now - _options.OutboxSweepAge, page, cancellationToken);
        foreach (var (instanceId, batch) in leftovers)
        {
            await DispatchOutboxAsync(instanceId, batch, cancellationToken);
        }

        return new SweepResult(fired, leftovers.Count);
    }

    internal async Task DispatchOutboxAsync(string instanceId, OutboxBatch batch, CancellationToken cancellationToken)
    {
        foreach (var item in batch.Messages)
        {
            switch (item)
            {
                case SendToOrchestrator s:
                    await SendToOrchestratorAsync(s.Message, cancellationToken);
                    break;
                case SendToActivity a:
                    await SendAsync(storage.ActivityQueue, a.Message, a.Message.InstanceId, cancellationToken);
                    break;
                case StartInstance start:
                    await CreateInstanceAsync(start.Message, cancellationToken);
                    break;
                case IndexDeadline index:
                    await storage.Deadlines.UpsertAsync(index.Entry, cancellationToken);
                    break;
                case RemoveDeadline remove:
                    await storage.Deadlines.RemoveAsync(remove.InstanceId, remove.TimerId, remove.FireAt, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown outbox message {item.GetType().Name}.");
            }
        }

        await storage.Instances.DeleteOutboxAsync(instanceId, batch.Id, cancellationToken);
    }

    private static string? WhyIgnored(InstanceSnapshot snapshot, OrchestratorMessage message)
    {
        var record = snapshot.Record;
        var e = message.Event;
        if (record.IsTerminal)
        {
            return $"the instance is {record.Status}";
        }

        if (message.ExecutionId is not null && message.ExecutionId != record.ExecutionId)
        {
            return $"it belongs to execution {message.ExecutionId}, not the current {record.ExecutionId}";
        }

        if (e is ExecutionStarted && snapshot.History.Count > 0)
        {
            return "the execution has already started";
        }

        if (e.MessageId is not null && snapshot.History.Any(h => h.MessageId == e.MessageId))
        {
            return "the message was already applied (duplicate delivery)";
        }

        return e switch
        {
            TaskCompleted or TaskFailed when !IsOpenTask(snapshot.History, TaskIdOf(e), isActivity: true) => "the task is not awaiting a result",
            SubOrchestrationCompleted or SubOrchestrationFailed when !IsOpenTask(snapshot.History, TaskIdOf(e), isActivity: false) => "the sub-orchestration is not awaiting a result",
            TimerFired f when snapshot.Timers.All(t => t.TimerId != f.TaskId) => "the timer was cancelled or has already fired",
            _ => null,
        };
    }

    private static int TaskIdOf(HistoryEvent e) => e switch
    {
        TaskCompleted c => c.TaskId,
        TaskFailed f => f.TaskId,
        SubOrchestrationCompleted c => c.TaskId,
        SubOrchestrationFailed f => f.TaskId,
        _ => -1,
    };

    private static bool IsOpenTask(IReadOnlyList<HistoryEvent> history, int taskId, bool isActivity)
    {
        var scheduled = isActivity
            ? history.Any(h => h is TaskScheduled s && s.TaskId == taskId)
            : history.Any(h => h is SubOrchestrationCreated s && s.TaskId == taskId);
        var finished = history.Any(h => TaskIdOf(h) == taskId);
        return scheduled && !finished;
    }

    private StepCommit BuildStep(InstanceSnapshot snapshot, OrchestratorMessage message)
    {
        var record = snapshot.Record;
        var now = clock.GetUtcNow();
        var started = snapshot.History.OfType<ExecutionStarted>().FirstOrDefault()
            ?? new ExecutionStarted(record.Name, record.Version, record.ExecutionId, record.Input)
            {
                ParentInstanceId = record.ParentInstanceId,
                ParentTaskId = record.ParentTaskId,
                MessageId = StartMessageId(record.InstanceId, record.ExecutionId),
            };

        var newEvents = new List<HistoryEvent> { new OrchestratorStarted(now) };
        if (snapshot.History.Count == 0)
        {
            newEvents.Add(started);
        }

        if (message.Event is not ExecutionStarted)
        {
            newEvents.Add(message.Event);
        }

        var function = registry.FindOrchestration(record.Name, record.Version);
        var result = function is null
            ? new ExecutionResult
            {
                NewActions = [],
                Completion = OrchestrationStatus.Failed,
                Failure = new FailureDetails("OrchestrationNotRegistered", $"Orchestration '{record.Name}' v{record.Version} is not registered on this host."),
                IndexFields = new Dictionary<string, string>(),
            }
            : OrchestrationExecutor.Execute(function, started, record.InstanceId, snapshot.History, newEvents);

        var step = new StepBuilder(snapshot, newEvents, now, registry);
        if (message.Event is TimerFired timerFired)
        {
            step.RemoveTimer(timerFired.TaskId);
        }

        var indexFields = new Dictionary<string, string>(record.IndexFields);
        foreach (var (key, value) in result.IndexFields)
        {
            indexFields[key] = value;
        }

        var updated = record with
        {
            Status = OrchestrationStatus.Running,
            LastUpdatedAt = now,
            CustomStatus = result.CustomStatus ?? record.CustomStatus,
            IndexFields = indexFields,
            HistoryChunks = record.HistoryChunks + 1,
        };

        if (result.Completion is null)
        {
            foreach (var action in result.NewActions)
            {
                step.Apply(action, updated);
            }

            return step.Build(updated, newExecution: false);
        }

        step.RemoveAllTimers();
        if (result.ContinuedAsNew)
        {
            var execution = NewId();
            var restarted = new ExecutionStarted(record.Name, record.Version, execution, result.ContinueAsNewInput)
            {
                ParentInstanceId = record.ParentInstanceId,
                ParentTaskId = record.ParentTaskId,
                MessageId = StartMessageId(record.InstanceId, execution),
            };
            step.Send(new SendToOrchestrator(new OrchestratorMessage(record.InstanceId, execution, restarted)));
            return step.Build(
                updated with { ExecutionId = execution, Status = OrchestrationStatus.Pending, Input = result.ContinueAsNewInput, HistoryChunks = 0 },
                newExecution: true);
        }

        var status = result.Completion.Value;
        step.Record(new ExecutionCompleted(status, result.Output, result.Failure));
        if (record.ParentInstanceId is { } parent && record.ParentTaskId is { } parentTask)
        {
            HistoryEvent outcome = status == OrchestrationStatus.Completed
                ? new SubOrchestrationCompleted(parentTask, result.Output)
                : new SubOrchestrationFailed(parentTask, result.Failure ?? new FailureDetails("Terminated", result.Output ?? "terminated"));
            step.Send(new SendToOrchestrator(new OrchestratorMessage(parent, null, outcome with { MessageId = $"{record.InstanceId}|{record.ExecutionId}|done" })));
        }

        if (status == OrchestrationStatus.Failed)
        {
            LogInstanceFailed(logger, record.InstanceId, record.Name, result.Failure?.ToString() ?? string.Empty);
        }

        return step.Build(updated with { Status = status, Output = result.Output, Failure = result.Failure }, newExecution: false);
    }

    private async Task PoisonAsync(QueueKind kind, string messageId, string body, long dequeueCount, Exception error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reason = FailureDetails.From(error).ToString();
        var instanceId = MessageCodec.TryReadInstanceId(body);
        var record = new JsonObject
        {
            ["queue"] = kind.ToString(),
            ["messageId"] = messageId,
            ["instanceId"] = instanceId,
            ["dequeueCount"] = dequeueCount,
            ["reason"] = reason,
            ["at"] = now,
            ["body"] = body,
        };
        await storage.PoisonQueue(kind).SendAsync(record.ToJsonString(), cancellationToken);
        if (instanceId is not null)
        {
            await storage.Instances.RecordPoisonAsync(instanceId, new PoisonRecord(messageId, kind.ToString(), reason, (int)dequeueCount, now), cancellationToken);
        }

        LogPoisoned(logger, error, kind, messageId, instanceId, dequeueCount);
    }

    private async Task SendAsync<T>(IWorkQueue queue, T message, string instanceId, CancellationToken cancellationToken) =>
        await queue.SendAsync(await _codec.EncodeAsync(message, instanceId, cancellationToken), cancellationToken);

    internal static string StartMessageId(string instanceId, string executionId) => $"{instanceId}|{executionId}|start";

    internal static string NewId() => Guid.NewGuid().ToString("N");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} from the {Queue} queue failed (delivery {DequeueCount}); it will be retried")]
    private static partial void LogRetry(ILogger logger, Exception error, QueueKind queue, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} from the {Queue} queue of instance {InstanceId} went to the poison queue after {DequeueCount} deliveries")]
    private static partial void LogPoisoned(ILogger logger, Exception error, QueueKind queue, string messageId, string? instanceId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instance {InstanceId} ignored {Event}: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string instanceId, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instance {InstanceId} step lost an ETag race (attempt {Attempt}); retrying from fresh state")]
    private static partial void LogConflict(ILogger logger, string instanceId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {Activity} of instance {InstanceId} task {TaskId} failed")]
    private static partial void LogActivityFailed(ILogger logger, Exception error, string activity, string instanceId, int taskId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} of {Orchestration} failed: {Failure}")]
    private static partial void LogInstanceFailed(ILogger logger, string instanceId, string orchestration, string failure);
}
