using Ombudsman.Workflows.Durable.Dispatch;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Workflows.Durable;

/// <summary>
/// Processes queued work on the calling task until none is left: the front door for tests with a fake clock and
/// for the manual-clock demo endpoint. Uses the same dispatcher as the pumps and the custom handler.
/// </summary>
public sealed class DurableDriver
{
    private readonly DurableEngine _engine;

    internal DurableDriver(DurableEngine engine) => _engine = engine;

    /// <summary>Sweeps due timers and drains both queues until a whole round finds nothing to do.</summary>
    /// <returns>How many messages were handled.</returns>
    public async Task<int> RunUntilIdleAsync(int maxRounds = 1000, CancellationToken cancellationToken = default)
    {
        var handled = 0;
        for (var round = 0; round < maxRounds; round++)
        {
            var sweep = await _engine.SweepAsync(cancellationToken);
            var inRound = await DrainAsync(QueueKind.Orchestrator, _engine.Storage.OrchestratorQueue, cancellationToken)
                + await DrainAsync(QueueKind.Activity, _engine.Storage.ActivityQueue, cancellationToken);
            handled += inRound;
            if (inRound == 0 && sweep.TimersFired == 0 && sweep.OutboxBatchesDispatched == 0)
            {
                return handled;
            }
        }

        throw new InvalidOperationException($"Work was still arriving after {maxRounds} rounds: an orchestration may be looping.");
    }

    private async Task<int> DrainAsync(QueueKind kind, IWorkQueue queue, CancellationToken cancellationToken)
    {
        var messages = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5), cancellationToken);
        foreach (var message in messages)
        {
            await _engine.HandleAndSettleAsync(kind, message, cancellationToken);
        }

        return messages.Count;
    }
}
