namespace Ombudsman.Workflows.Durable.Engine;

/// <summary>
/// Runs orchestrator continuations on the executing thread, one at a time and in the order they were posted,
/// so a replay is the same sequence of steps every time.
/// </summary>
internal sealed class ReplaySynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _work = new();
    private readonly int _threadId = Environment.CurrentManagedThreadId;

    /// <summary>True when a continuation was posted from another thread (e.g. Task.Delay or Task.Run in orchestrator code).</summary>
    public bool ForeignPostSeen { get; private set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (Environment.CurrentManagedThreadId != _threadId)
        {
            ForeignPostSeen = true;
            return;
        }

        _work.Enqueue((d, state));
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Orchestrator code cannot block on a synchronous send.");

    public override SynchronizationContext CreateCopy() => this;

    public void RunPending()
    {
        while (_work.TryDequeue(out var item))
        {
            item.Callback(item.State);
        }
    }
}
