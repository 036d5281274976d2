namespace Ombudsman.Workflows.Durable;

/// <summary>A durable timer created by orchestrator code; cancel it when the step it guards is done.</summary>
public sealed class DurableTimer
{
    private readonly Action<DurableTimer> _cancel;

    internal DurableTimer(int id, DateTimeOffset fireAt, DeadlineInfo? deadline, Task task, Action<DurableTimer> cancel)
    {
        Id = id;
        FireAt = fireAt;
        Deadline = deadline;
        Task = task;
        _cancel = cancel;
    }

    public int Id { get; }

    public DateTimeOffset FireAt { get; }

    public DeadlineInfo? Deadline { get; }

    /// <summary>Completes when the timer fires; cancelled when the timer is cancelled.</summary>
    public Task Task { get; }

    /// <summary>Cancels the timer: it leaves the deadlines index and never fires. No effect once fired.</summary>
    public void Cancel() => _cancel(this);
}
