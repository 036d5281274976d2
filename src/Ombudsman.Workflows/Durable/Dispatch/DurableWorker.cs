using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Workflows.Durable.Dispatch;

/// <summary>
/// The standalone front door: pumps the orchestrator and activity queues and sweeps deadlines, doing what the
/// Functions host's queue and timer triggers do in Azure. A message is received only when a slot is free for it,
/// so at most <see cref="DurableOptions.MaxConcurrency"/> are held and processed at once.
/// </summary>
internal sealed partial class DurableWorker(DurableEngine engine, IOptions<DurableOptions> options, TimeProvider clock, ILogger<DurableWorker> logger) : BackgroundService
{
    private const int MaxBatch = 32;
    private readonly DurableOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
        return Task.WhenAll(
            PumpAsync(QueueKind.Orchestrator, slots, stoppingToken),
            PumpAsync(QueueKind.Activity, slots, stoppingToken),
            SweepLoopAsync(stoppingToken));
    }

    private async Task PumpAsync(QueueKind kind, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        var queue = engine.Storage.Queue(kind);
        var idle = TimeSpan.FromMilliseconds(50);
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var held = 1;
                while (held < MaxBatch && slots.Wait(0))
                {
                    held++;
                }

                IReadOnlyList<QueuedMessage> messages = [];
                try
                {
                    messages = await queue.ReceiveAsync(held, _options.VisibilityTimeout, stoppingToken);
                }
                catch (Exception e) when (e is Azure.RequestFailedException or IOException or HttpRequestException)
                {
                    LogPumpError(logger, e, kind);
                }
                finally
                {
                    if (held > messages.Count)
                    {
                        slots.Release(held - messages.Count);
                    }
                }

                foreach (var message in messages)
                {
                    running.Add(ProcessAsync(kind, message, slots, stoppingToken));
                }

                running.RemoveAll(t => t.IsCompleted);
                if (messages.Count == 0)
                {
                    await DelayAsync(idle, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollDelay.Ticks));
                }
                else
                {
                    idle = TimeSpan.FromMilliseconds(50);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: no new messages; those in hand finish below.
        }
        finally
        {
            await Task.WhenAll(running);
        }
    }

    private async Task ProcessAsync(QueueKind kind, QueuedMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await engine.HandleAndSettleAsync(kind, message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again and another host takes it.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Settling failed (storage unreachable); the message becomes visible again after its timeout.
            LogProcessError(logger, e, kind, message.Id);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        var nextOutboxSweep = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await engine.SweepDeadlinesAsync(stoppingToken);
                if (clock.GetUtcNow() >= nextOutboxSweep)
                {
                    await engine.SweepOutboxAsync(stoppingToken);
                    nextOutboxSweep = clock.GetUtcNow() + _options.OutboxSweepInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The loop must outlive any one failure, or no deadline would fire again; each failure is logged.
                LogSweepError(logger, e);
            }

            await DelayAsync(_options.SweepInterval, stoppingToken);
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            // Polling is real time (it paces I/O), unlike durable timers, which follow the injected clock.
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Queue} queue pump could not reach storage; it keeps polling")]
    private static partial void LogPumpError(ILogger logger, Exception error, QueueKind queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} from the {Queue} queue could not be settled; it will be delivered again")]
    private static partial void LogProcessError(ILogger logger, Exception error, QueueKind queue, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The deadline sweep failed; it runs again at the next interval")]
    private static partial void LogSweepError(ILogger logger, Exception error);
}
