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
        var held = new HeldMessage(message);
        DispatchOutcome outcome;
        using (var processing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var keepAlive = KeepInvisibleAsync(queue, held, processing.Token);
            try
            {
                outcome = await HandleAsync(kind, message.Id, message.Body, message.DequeueCount, cancellationToken);
            }
            finally
            {
                await processing.CancelAsync();
                await keepAlive;
            }
        }

        message = held.Current;
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

    /// <summary>
    /// Renews a message's invisibility at half its timeout while it is processed, so a long activity is not
    /// delivered to a second host meanwhile. Runs on the injected clock (a fake clock in tests never renews).
    /// </summary>
    private async Task KeepInvisibleAsync(IWorkQueue queue, HeldMessage held, CancellationToken processing)
    {
        var every = _options.VisibilityTimeout / 2;
        while (true)
        {
            try
            {
                await Task.Delay(every, clock, processing);
                held.Current = await queue.RenewAsync(held.Current, _options.VisibilityTimeout, processing);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is Azure.RequestFailedException or InvalidOperationException or IOException or HttpRequestException)
            {
                // The message may now be delivered again; its second run is recognised as a duplicate by the instance.
                LogRenewFailed(logger, e, held.Current.Id);
                return;
            }
        }
    }

    /// <summary>The message being processed, with the receipt of its latest renewal.</summary>
    private sealed class HeldMessage(QueuedMessage message)
    {
        public QueuedMessage Current { get; set; } = message;
    }

    public async Task ProcessOrchestratorMessageAsync(OrchestratorMessage message, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await storage.Instances.LoadAsync(message.InstanceId, cancellationToken)
                ?? throw new InstanceNotFoundException(message.InstanceId);

            await DispatchLeftoversAsync(snapshot, cancellationToken);
            if (WhyIgnored(snapshot, message) is { } reason)
            {
                LogIgnored(logger, message.InstanceId, message.Event.Describe(), reason);
                if (message.Event is TimerFired fired && !snapshot.Timers.Any(t => t.TimerId == fired.TaskId && t.ExecutionId == message.ExecutionId && t.FireAt == fired.FireAt))
                {
                    // A fired or cancelled timer's index row may have been re-added by a late outbox: remove it.
                    await storage.Deadlines.RemoveAsync(message.InstanceId, message.ExecutionId ?? string.Empty, fired.TaskId, fired.FireAt, cancellationToken);
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

    /// <summary>
    /// Sends outbox batches an earlier step committed but did not finish sending (its host died), before the new step.
    /// A batch younger than <see cref="DurableOptions.OutboxSweepAge"/> is left to the host still sending it. A batch that
    /// fails is logged and left for the sweeper: it must not block every later message of the instance.
    /// </summary>
    private async Task DispatchLeftoversAsync(InstanceSnapshot snapshot, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - _options.OutboxSweepAge;
        foreach (var leftover in snapshot.Outbox.Where(b => b.CreatedAt < cutoff).OrderBy(b => b.Id, StringComparer.Ordinal))
        {
            try
            {
                await DispatchOutboxAsync(snapshot.Record.InstanceId, leftover, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogOutboxFailed(logger, e, snapshot.Record.InstanceId, leftover.Id);
            }
        }
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
        var batch = new OutboxBatch(OutboxId(0), now, [new SendToOrchestrator(start)]);
        try
        {
            await storage.Instances.CommitAsync(new StepCommit { Record = record, ExpectedETag = null, Outbox = batch }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            LogAlreadyExists(logger, start.InstanceId);
            return false;
        }

        await DispatchOutboxAsync(start.InstanceId, batch, cancellationToken);
        return true;
    }

    public Task SendToOrchestratorAsync(OrchestratorMessage message, CancellationToken cancellationToken) =>
        SendAsync(storage.OrchestratorQueue, message, message.InstanceId, cancellationToken);

    /// <summary>Enqueues TimerFired for due timers and dispatches outbox batches a crashed host left behind.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken) =>
        new(await SweepDeadlinesAsync(cancellationToken), await SweepOutboxAsync(cancellationToken));

    /// <summary>
    /// Claims each due deadline (ETag-guarded, so two sweepers do not both fire it) and enqueues its TimerFired.
    /// One bad entry is logged and skipped; it never stops the others from firing.
    /// </summary>
    public async Task<int> SweepDeadlinesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var page = _options.SweepPageSize;
        var fired = 0;
        for (var round = 0; round < _options.MaxSweepPages; round++)
        {
            var due = await storage.Deadlines.QueryDueAsync(now, now - _options.TimerRedeliveryAfter, page, cancellationToken);
            foreach (var entry in due)
            {
                try
                {
                    if (await storage.Deadlines.TryClaimAsync(entry, now, cancellationToken))
                    {
                        var fire = new TimerFired(entry.TimerId, entry.FireAt) { MessageId = $"{entry.InstanceId}|{entry.ExecutionId}|{entry.TimerId}|fired" };
                        await SendToOrchestratorAsync(new OrchestratorMessage(entry.InstanceId, entry.ExecutionId, fire), cancellationToken);
                        fired++;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSweepItemFailed(logger, e, entry.InstanceId, entry.TimerId);
                }
            }

            if (due.Count < page)
            {
                break;
            }
        }

        return fired;
    }

    /// <summary>Dispatches outbox batches older than <see cref="DurableOptions.OutboxSweepAge"/>: a crash left them.</summary>
    public async Task<int> SweepOutboxAsync(CancellationToken cancellationToken)
    {
        var leftovers = await storage.Instances.FindOutboxAsync(clock.GetUtcNow() - _options.OutboxSweepAge, _options.SweepPageSize, cancellationToken);
        var dispatched = 0;
        foreach (var (instanceId, batch) in leftovers)
        {
            try
            {
                await DispatchOutboxAsync(instanceId, batch, cancellationToken);
                dispatched++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogOutboxFailed(logger, e, instanceId, batch.Id);
            }
        }

        return dispatched;
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
                    await StartChildAsync(start.Message, cancellationToken);
                    break;
                case IndexDeadline index:
                    await storage.Deadlines.UpsertAsync(index.Entry, cancellationToken);
                    break;
                case RemoveDeadline remove:
                    await storage.Deadlines.RemoveAsync(remove.InstanceId, remove.ExecutionId, remove.TimerId, remove.FireAt, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown outbox message {item.GetType().Name}.");
            }
        }

        await storage.Instances.DeleteOutboxAsync(instanceId, batch.Id, cancellationToken);
    }

    /// <summary>
    /// Starts a sub-orchestration. If its id is taken by another instance (not this very start, re-sent), the parent is
    /// told the child failed, so it never waits for a child that will not answer.
    /// </summary>
    private async Task StartChildAsync(OrchestratorMessage start, CancellationToken cancellationToken)
    {
        if (await CreateInstanceAsync(start, cancellationToken))
        {
            return;
        }

        var started = (ExecutionStarted)start.Event;
        var existing = await storage.Instances.GetAsync(start.InstanceId, cancellationToken);
        if (existing is null || existing.ExecutionId == started.ExecutionId || started.ParentInstanceId is not { } parent || started.ParentTaskId is not { } task)
        {
            return;
        }

        var failure = new FailureDetails("InstanceIdConflict", $"Sub-orchestration instance id '{start.InstanceId}' is already used by another instance ('{existing.Name}').");
        var failed = new SubOrchestrationFailed(task, failure) { MessageId = $"{start.InstanceId}|{started.ExecutionId}|conflict" };
        await SendToOrchestratorAsync(new OrchestratorMessage(parent, null, failed), cancellationToken);
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

        if (e.MessageId is not null && (snapshot.History.Any(h => h.MessageId == e.MessageId) || record.CarriedMessageIds.Contains(e.MessageId)))
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

        // A missing version is a deploy problem, not the case's: the message is retried (then poisoned), never the instance failed.
        var function = registry.FindOrchestration(record.Name, record.Version) ?? throw new OrchestrationNotRegisteredException(record.Name, record.Version);
        var result = OrchestrationExecutor.Execute(function, started, record.InstanceId, snapshot.History, newEvents);

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
            Steps = record.Steps + 1,
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
            // Messages without an execution id (events, terminate) could be redelivered after the history that
            // recorded them is gone: carry their ids into the new execution so they are still recognised.
            var carried = snapshot.History.Concat(newEvents)
                .Where(h => h is EventRaised or ExecutionTerminated && h.MessageId is not null)
                .Select(h => h.MessageId!)
                .TakeLast(InstanceRecord.MaxCarriedMessageIds)
                .ToList();
            return step.Build(
                updated with { ExecutionId = execution, Status = OrchestrationStatus.Pending, Input = result.ContinueAsNewInput, HistoryChunks = 0, CarriedMessageIds = carried },
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
        if (instanceId is not null)
        {
            await storage.Instances.RecordPoisonAsync(instanceId, new PoisonRecord(messageId, kind.ToString(), reason, (int)dequeueCount, now), cancellationToken);
        }

        await storage.PoisonQueue(kind).SendAsync(await _codec.EncodeAsync(record, instanceId ?? "unknown", cancellationToken), cancellationToken);

        LogPoisoned(logger, error, kind, messageId, instanceId, dequeueCount);
    }

    private async Task SendAsync<T>(IWorkQueue queue, T message, string instanceId, CancellationToken cancellationToken) =>
        await queue.SendAsync(await _codec.EncodeAsync(message, instanceId, cancellationToken), cancellationToken);

    internal static string StartMessageId(string instanceId, string executionId) => $"{instanceId}|{executionId}|start";

    internal static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Outbox ids follow the instance's step count, so leftovers are sent in the order they were written.</summary>
    internal static string OutboxId(long step) => step.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox batch {BatchId} of instance {InstanceId} could not be sent; the sweeper retries it")]
    private static partial void LogOutboxFailed(ILogger logger, Exception error, string instanceId, string batchId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The due timer {TimerId} of instance {InstanceId} could not be fired; the next sweep tries again")]
    private static partial void LogSweepItemFailed(ILogger logger, Exception error, string instanceId, int timerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} could not be kept invisible; it may be delivered again while it runs")]
    private static partial void LogRenewFailed(ILogger logger, Exception error, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} already exists; the start was not repeated")]
    private static partial void LogAlreadyExists(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} of {Orchestration} failed: {Failure}")]
    private static partial void LogInstanceFailed(ILogger logger, string instanceId, string orchestration, string failure);
}
