using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Workflows.Durable.Dispatch;

/// <summary>
/// The standalone front door: pumps the orchestrator and activity queues and sweeps deadlines, doing what the
/// Functions host's queue and timer triggers do in Azure. Concurrency is bounded by <see cref="DurableOptions.MaxConcurrency"/>.
/// </summary>
internal sealed partial class DurableWorker(DurableEngine engine, IOptions<DurableOptions> options, ILogger<DurableWorker> logger) : BackgroundService
{
    private readonly DurableOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
        return Task.WhenAll(
            PumpAsync(QueueKind.Orchestrator, engine.Storage.OrchestratorQueue, slots, stoppingToken),
            PumpAsync(QueueKind.Activity, engine.Storage.ActivityQueue, slots, stoppingToken),
            SweepLoopAsync(stoppingToken));
    }

    private async Task PumpAsync(QueueKind kind, IWorkQueue queue, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(50);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<QueuedMessage> messages;
            try
            {
                await slots.WaitAsync(stoppingToken);
                slots.Release();
                messages = await queue.ReceiveAsync(Math.Max(1, Math.Min(32, slots.CurrentCount)), _options.VisibilityTimeout, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is Azure.RequestFailedException or IOException or HttpRequestException)
            {
                LogPumpError(logger, e, kind);
                messages = [];
            }

            if (messages.Count == 0)
            {
                await DelayAsync(idle, stoppingToken);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollDelay.Ticks));
                continue;
            }

            idle = TimeSpan.FromMilliseconds(50);
            foreach (var message in messages)
            {
                await slots.WaitAsync(stoppingToken);
                running.Add(ProcessAsync(kind, message, slots, stoppingToken));
            }

            running.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(running);
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
        catch (Exception e) when (e is Azure.RequestFailedException or IOException or HttpRequestException)
        {
            LogPumpError(logger, e, kind);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await engine.SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is Azure.RequestFailedException or IOException or HttpRequestException)
            {
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The deadline sweep could not reach storage; it runs again at the next interval")]
    private static partial void LogSweepError(ILogger logger, Exception error);
}
