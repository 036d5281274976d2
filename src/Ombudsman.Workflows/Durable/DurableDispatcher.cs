using Ombudsman.Workflows.Durable.Dispatch;

namespace Ombudsman.Workflows.Durable;

/// <summary>
/// The dispatcher as another front door sees it: the Functions host's queue and timer invocations hand their message
/// here instead of to the built-in pumps. Settling the message (delete or retry) is the caller's job.
/// </summary>
public sealed class DurableDispatcher
{
    private readonly DurableEngine _engine;

    internal DurableDispatcher(DurableEngine engine) => _engine = engine;

    /// <summary>Handles one message; <see cref="DispatchOutcome.Retry"/> means the caller must have it delivered again.</summary>
    public Task<DispatchOutcome> HandleAsync(QueueKind kind, string messageId, string body, long dequeueCount, CancellationToken cancellationToken) =>
        _engine.HandleAsync(kind, messageId, body, dequeueCount, cancellationToken);

    /// <summary>Enqueues due timers and dispatches leftover outbox batches.</summary>
    public Task<SweepResult> SweepAsync(CancellationToken cancellationToken) => _engine.SweepAsync(cancellationToken);
}
