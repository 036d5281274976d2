using System.Security.Cryptography;
using System.Text;
using Ombudsman.Workflows.Durable.Engine;
using Ombudsman.Workflows.Durable.History;

namespace Ombudsman.Workflows.Durable;

/// <summary>
/// What orchestrator code may use. Orchestrators are replayed from history on every step, so they must be
/// deterministic: time comes from <see cref="CurrentUtcDateTime"/>, ids from <see cref="NewGuid"/>, waiting from
/// timers and events here, and all I/O from activities. No Task.Run, Task.Delay or ConfigureAwait(false).
/// </summary>
public sealed class OrchestrationContext
{
    private readonly List<OrchestratorAction> _unmatchedActions = [];
    private readonly Dictionary<int, OpenTask> _openTasks = [];
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _eventWaiters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<(long Arrival, string? Payload)>> _bufferedEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _timerFiredAt = [];
    private long _arrivals;
    private readonly Dictionary<string, string> _indexFields = new(StringComparer.Ordinal);
    private int _nextTaskId;
    private int _guidCounter;

    internal OrchestrationContext(string instanceId, string name, string version, string executionId)
    {
        InstanceId = instanceId;
        Name = name;
        Version = version;
        ExecutionId = executionId;
    }

    public string InstanceId { get; }

    public string Name { get; }

    public string Version { get; }

    internal string ExecutionId { get; }

    /// <summary>The time of the current step, from history: the same on every replay.</summary>
    public DateTimeOffset CurrentUtcDateTime { get; private set; }

    /// <summary>True while the code is re-running steps already in history (e.g. to skip logging).</summary>
    public bool IsReplaying { get; internal set; }

    internal string? CustomStatusJson { get; private set; }

    internal bool ContinueAsNewRequested { get; private set; }

    internal string? ContinueAsNewInput { get; private set; }

    internal IReadOnlyDictionary<string, string> IndexFields => _indexFields;

    internal IReadOnlyList<OrchestratorAction> UnmatchedActions => _unmatchedActions;

    /// <summary>True while some durable task, timer or event waiter can still resume the code.</summary>
    internal bool AwaitsDurableWork => _openTasks.Count > 0 || _eventWaiters.Values.Any(w => w.Count > 0);

    /// <summary>Calls an activity and returns its result, retrying per <paramref name="retry"/> with durable backoff timers.</summary>
    public async Task<TResult?> CallActivityAsync<TResult>(string name, object? input = null, RetryPolicy? retry = null)
    {
        var policy = retry ?? RetryPolicy.None;
        var inputJson = DurableJson.Serialize(input);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var id = _nextTaskId++;
                var result = await Schedule(new ScheduleActivityAction(id, name, inputJson), name);
                return DurableJson.Deserialize<TResult>(result);
            }
            catch (TaskFailedException) when (attempt < policy.MaxAttempts)
            {
                await CreateTimer(CurrentUtcDateTime + policy.DelayBefore(attempt + 1)).Task;
            }
        }
    }

    /// <summary>Calls an activity that returns nothing.</summary>
    public Task CallActivityAsync(string name, object? input = null, RetryPolicy? retry = null) =>
        CallActivityAsync<object>(name, input, retry);

    /// <summary>Starts a sub-orchestration and returns its output. Its instance id defaults to "{parent}:{task id}".</summary>
    public async Task<TResult?> CallSubOrchestrationAsync<TResult>(string name, object? input = null, string? instanceId = null, string? version = null)
    {
        var id = _nextTaskId++;
        // Task ids restart with each execution (continue-as-new), so the default child id names the execution too.
        var childId = instanceId ?? $"{InstanceId}:{ExecutionId[..8]}:{id}";
        InstanceIds.Validate(childId);
        var result = await Schedule(new StartSubOrchestrationAction(id, name, version ?? string.Empty, childId, DurableJson.Serialize(input)), name);
        return DurableJson.Deserialize<TResult>(result);
    }

    /// <summary>Creates a durable timer. With <paramref name="deadline"/> it is a deadline listed for staff, with its citation.</summary>
    public DurableTimer CreateTimer(DateTimeOffset fireAt, DeadlineInfo? deadline = null)
    {
        var id = _nextTaskId++;
        var task = Schedule(new CreateTimerAction(id, fireAt.ToUniversalTime(), deadline), deadline?.Kind ?? "timer");
        return new DurableTimer(id, fireAt.ToUniversalTime(), deadline, task, CancelTimer);
    }

    /// <summary>Waits for the next external event with this name (events that arrived earlier are buffered).</summary>
    public async Task<T?> WaitForExternalEvent<T>(string name)
    {
        var payload = await RegisterWaiter(name).Task;
        return DurableJson.Deserialize<T>(payload);
    }

    /// <summary>Races an external event against a deadline; the loser is cancelled (timer removed, or waiter dropped).</summary>
    public async Task<EventOrTimeout<T>> WaitForEventOrDeadlineAsync<T>(string eventName, DateTimeOffset dueAt, DeadlineInfo? deadline)
    {
        var timer = CreateTimer(dueAt, deadline);
        var waiter = RegisterWaiter(eventName);
        var winner = await Task.WhenAny(waiter.Task, timer.Task);
        if (winner == waiter.Task)
        {
            timer.Cancel();
            return EventOrTimeout<T>.Received(DurableJson.Deserialize<T>(await waiter.Task));
        }

        RemoveWaiter(eventName, waiter);
        return EventOrTimeout<T>.Expired();
    }

    /// <summary>
    /// Waits for the first of several named events, or for the deadline if one is given. Returns null when the
    /// deadline passed first. The waiters that lost are removed (so they never swallow a later event) and the
    /// deadline timer is cancelled when an event wins.
    /// </summary>
    public async Task<ExternalEvent?> WaitForAnyEventAsync(IReadOnlyCollection<string> eventNames, DateTimeOffset? dueAt = null, DeadlineInfo? deadline = null)
    {
        if (eventNames.Count == 0)
        {
            throw new ArgumentException("At least one event name is needed.", nameof(eventNames));
        }

        if (TakeEarliestBuffered(eventNames) is { } arrived)
        {
            return arrived;
        }

        var waiters = eventNames.Distinct(StringComparer.Ordinal).Select(name => (Name: name, Source: RegisterWaiter(name))).ToList();
        var timer = dueAt is { } due ? CreateTimer(due, deadline) : null;
        var candidates = waiters.Select(w => (Task)w.Source.Task).ToList();
        if (timer is not null)
        {
            candidates.Add(timer.Task);
        }

        var winner = await Task.WhenAny(candidates);
        var won = waiters.FirstOrDefault(w => w.Source.Task == winner);
        foreach (var waiter in waiters.Where(w => w.Source != won.Source))
        {
            RemoveWaiter(waiter.Name, waiter.Source);
        }

        if (won.Source is null)
        {
            return null;
        }

        timer?.Cancel();
        return new ExternalEvent(won.Name, await won.Source.Task);
    }

    /// <summary>
    /// Waits for the first of several named events or the first of several timers created earlier. The event
    /// waiters that lost are removed; the timers are left alone: the caller owns them and cancels them when the
    /// step they guard is done. This lets one deadline be raced across many waits (reminders, refused events)
    /// without being recreated. Cancelled timers are ignored.
    /// </summary>
    public async Task<EventOrTimer> WaitForAnyEventOrTimerAsync(IReadOnlyCollection<string> eventNames, IReadOnlyCollection<DurableTimer> timers)
    {
        var live = timers.Where(t => !t.Task.IsCanceled).ToList();
        if (eventNames.Count == 0 && live.Count == 0)
        {
            throw new ArgumentException("At least one event name or live timer is needed.", nameof(eventNames));
        }

        // What already happened wins, in the order it happened: a deadline that fired before a late event arrived
        // wins over that event, even though both were waiting when the code got here.
        var firedFirst = live
            .Where(t => t.Task.IsCompletedSuccessfully && _timerFiredAt.ContainsKey(t.Id))
            .MinBy(t => _timerFiredAt[t.Id]);
        var buffered = EarliestBuffered(eventNames);
        if (firedFirst is not null && (buffered is null || _timerFiredAt[firedFirst.Id] < _bufferedEvents[buffered].Peek().Arrival))
        {
            return new EventOrTimer { Timer = firedFirst };
        }

        if (TakeEarliestBuffered(eventNames) is { } arrived)
        {
            return new EventOrTimer { Event = arrived };
        }

        var waiters = eventNames.Distinct(StringComparer.Ordinal).Select(name => (Name: name, Source: RegisterWaiter(name))).ToList();
        var candidates = waiters.Select(w => (Task)w.Source.Task).Concat(live.Select(t => t.Task)).ToList();
        var winner = await Task.WhenAny(candidates);
        var won = waiters.FirstOrDefault(w => w.Source.Task == winner);
        foreach (var waiter in waiters.Where(w => w.Source != won.Source))
        {
            RemoveWaiter(waiter.Name, waiter.Source);
        }

        return won.Source is null
            ? new EventOrTimer { Timer = live.First(t => t.Task == winner) }
            : new EventOrTimer { Event = new ExternalEvent(won.Name, await won.Source.Task) };
    }

    /// <summary>Sets the custom status clients see (serialized to JSON); top-level fields can be queried.</summary>
    public void SetCustomStatus(object? status) => CustomStatusJson = DurableJson.Serialize(status);

    /// <summary>Sets a field that instances and their deadlines can be listed by (e.g. office).</summary>
    public void SetIndexField(string name, string value)
    {
        if (!IndexFieldName.IsValid(name))
        {
            throw new ArgumentException($"Index field name '{name}' must start with a letter and hold up to 40 letters, digits or underscores.", nameof(name));
        }

        _indexFields[name] = value;
    }

    /// <summary>Ends this execution and starts a fresh one with an empty history and <paramref name="input"/>.</summary>
    public void ContinueAsNew(object? input)
    {
        ContinueAsNewRequested = true;
        ContinueAsNewInput = DurableJson.Serialize(input);
    }

    /// <summary>A GUID that is the same on every replay of this step.</summary>
    public Guid NewGuid()
    {
        var seed = Encoding.UTF8.GetBytes($"{InstanceId}|{ExecutionId}|{_guidCounter++}");
        var hash = SHA256.HashData(seed);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    internal void SetCurrentTime(DateTimeOffset time) => CurrentUtcDateTime = time;

    /// <summary>Matches a history event that records an action against what the code did.</summary>
    internal void MatchAction(HistoryEvent recorded, int id, Func<OrchestratorAction, bool> sameAction)
    {
        var index = _unmatchedActions.FindIndex(a => a.Id == id && (a is CancelTimerAction) == (recorded is TimerCancelled));
        if (index < 0)
        {
            var next = _unmatchedActions.Count > 0 ? $"its next unrecorded action is to {_unmatchedActions[0].Describe()}" : "it did nothing at this point";
            throw new NonDeterminismException(
                $"Non-deterministic orchestrator '{Name}' v{Version} (instance '{InstanceId}'): history has {recorded.Describe()}, but the code did not do it; {next}.");
        }

        var action = _unmatchedActions[index];
        if (!sameAction(action))
        {
            throw new NonDeterminismException(
                $"Non-deterministic orchestrator '{Name}' v{Version} (instance '{InstanceId}'): history has {recorded.Describe()}, but the code now does: {action.Describe()}.");
        }

        _unmatchedActions.RemoveAt(index);
    }

    internal void CompleteTask(int id, string? result)
    {
        if (_openTasks.Remove(id, out var open))
        {
            open.Source.TrySetResult(result);
        }
    }

    /// <summary>A timer fired: its place in the order of arrivals is kept, to compare with buffered events.</summary>
    internal void FireTimer(int id)
    {
        _timerFiredAt[id] = _arrivals++;
        CompleteTask(id, null);
    }

    internal void FailTask(int id, FailureDetails failure)
    {
        if (_openTasks.Remove(id, out var open))
        {
            open.Source.TrySetException(new TaskFailedException(open.Name, id, failure));
        }
    }

    internal void DeliverEvent(string name, string? payload)
    {
        if (_eventWaiters.TryGetValue(name, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.TrySetResult(payload);
            return;
        }

        if (!_bufferedEvents.TryGetValue(name, out var buffer))
        {
            _bufferedEvents[name] = buffer = new Queue<(long, string?)>();
        }

        buffer.Enqueue((_arrivals++, payload));
    }

    private Task<string?> Schedule(OrchestratorAction action, string name)
    {
        var source = new TaskCompletionSource<string?>();
        _openTasks[action.Id] = new OpenTask(name, source);
        _unmatchedActions.Add(action);
        return source.Task;
    }

    private void CancelTimer(DurableTimer timer)
    {
        if (_openTasks.Remove(timer.Id, out var open))
        {
            _unmatchedActions.Add(new CancelTimerAction(timer.Id));
            open.Source.TrySetCanceled();
        }
    }

    /// <summary>
    /// An event that already arrived wins a wait for several names at once: the earliest of those buffered, and only
    /// that one is taken (registering a waiter per name would take one from every name and lose the others).
    /// </summary>
    private ExternalEvent? TakeEarliestBuffered(IEnumerable<string> eventNames) =>
        EarliestBuffered(eventNames) is { } earliest ? new ExternalEvent(earliest, _bufferedEvents[earliest].Dequeue().Payload) : null;

    private string? EarliestBuffered(IEnumerable<string> eventNames) => eventNames
        .Where(name => _bufferedEvents.TryGetValue(name, out var queue) && queue.Count > 0)
        .OrderBy(name => _bufferedEvents[name].Peek().Arrival)
        .FirstOrDefault();

    private TaskCompletionSource<string?> RegisterWaiter(string name)
    {
        var source = new TaskCompletionSource<string?>();
        if (_bufferedEvents.TryGetValue(name, out var buffer) && buffer.TryDequeue(out var buffered))
        {
            source.SetResult(buffered.Payload);
            return source;
        }

        if (!_eventWaiters.TryGetValue(name, out var waiters))
        {
            _eventWaiters[name] = waiters = new LinkedList<TaskCompletionSource<string?>>();
        }

        waiters.AddLast(source);
        return source;
    }

    private void RemoveWaiter(string name, TaskCompletionSource<string?> waiter)
    {
        if (_eventWaiters.TryGetValue(name, out var waiters))
        {
            waiters.Remove(waiter);
        }
    }

    private sealed record OpenTask(string Name, TaskCompletionSource<string?> Source);
}
