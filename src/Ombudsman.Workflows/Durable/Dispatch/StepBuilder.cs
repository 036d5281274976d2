using Ombudsman.Workflows.Durable.Engine;
using Ombudsman.Workflows.Durable.History;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Workflows.Durable.Dispatch;

/// <summary>Turns a step's new events and actions into one commit: history, timer rows and the outbox.</summary>
internal sealed class StepBuilder(InstanceSnapshot snapshot, IEnumerable<HistoryEvent> newEvents, DateTimeOffset now, DurableRegistry registry)
{
    private readonly List<HistoryEvent> _history = [.. newEvents];
    private readonly List<OutboxMessage> _outbox = [];
    private readonly Dictionary<int, TimerEntry> _addedTimers = [];
    private readonly HashSet<int> _removedTimers = [];

    public void Record(HistoryEvent e) => _history.Add(e);

    public void Send(OutboxMessage message) => _outbox.Add(message);

    public void Apply(OrchestratorAction action, InstanceRecord record)
    {
        switch (action)
        {
            case ScheduleActivityAction a:
                _history.Add(new TaskScheduled(a.Id, a.Name, a.Input));
                _outbox.Add(new SendToActivity(new ActivityMessage(record.InstanceId, record.ExecutionId, a.Id, a.Name, a.Input)));
                break;
            case CreateTimerAction t:
                _history.Add(new TimerCreated(t.Id, t.FireAt, t.Deadline));
                _addedTimers[t.Id] = new TimerEntry(t.Id, record.ExecutionId, t.FireAt, t.Deadline);
                break;
            case CancelTimerAction c:
                _history.Add(new TimerCancelled(c.Id));
                if (!_addedTimers.Remove(c.Id))
                {
                    RemoveTimer(c.Id);
                }

                break;
            case StartSubOrchestrationAction s:
                var version = s.Version.Length > 0 ? s.Version : registry.LatestVersion(s.Name);
                _history.Add(new SubOrchestrationCreated(s.Id, s.Name, version, s.InstanceId, s.Input));
                var execution = DurableEngine.NewId();
                var start = new ExecutionStarted(s.Name, version, execution, s.Input)
                {
                    ParentInstanceId = record.InstanceId,
                    ParentTaskId = s.Id,
                    MessageId = DurableEngine.StartMessageId(s.InstanceId, execution),
                };
                _outbox.Add(new StartInstance(new OrchestratorMessage(s.InstanceId, execution, start)));
                break;
            default:
                throw new InvalidOperationException($"Unknown action {action.GetType().Name}.");
        }
    }

    /// <summary>Removes a live timer (fired or cancelled): its row now, its index entry after commit.</summary>
    public void RemoveTimer(int timerId)
    {
        if (snapshot.Timers.FirstOrDefault(t => t.TimerId == timerId) is { } timer && _removedTimers.Add(timerId))
        {
            _outbox.Add(new RemoveDeadline(snapshot.Record.InstanceId, timer.ExecutionId, timerId, timer.FireAt));
        }
    }

    /// <summary>The instance is ending (or continuing as new): no timer of this execution may fire.</summary>
    public void RemoveAllTimers()
    {
        _addedTimers.Clear();
        foreach (var timer in snapshot.Timers)
        {
            RemoveTimer(timer.TimerId);
        }
    }

    public StepCommit Build(InstanceRecord record, bool newExecution)
    {
        foreach (var timer in _addedTimers.Values)
        {
            _outbox.Add(new IndexDeadline(new DeadlineEntry
            {
                InstanceId = record.InstanceId,
                ExecutionId = timer.ExecutionId,
                TimerId = timer.TimerId,
                FireAt = timer.FireAt,
                Deadline = timer.Deadline,
                IndexFields = record.IndexFields,
            }));
        }

        return new StepCommit
        {
            Record = record,
            ExpectedETag = snapshot.ETag,
            AppendHistory = newExecution ? [] : _history,
            NewExecution = newExecution,
            Outbox = _outbox.Count == 0 ? null : new OutboxBatch(DurableEngine.OutboxId(record.Steps), now, _outbox),
            AddTimers = [.. _addedTimers.Values],
            RemoveTimers = [.. _removedTimers],
        };
    }
}
