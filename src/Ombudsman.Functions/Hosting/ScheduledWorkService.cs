using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Functions.Hosting;

/// <summary>
/// The local host's scheduler: the deadline sweep every <see cref="ScheduledWorkOptions.SweepInterval"/> and the staff
/// digests every <see cref="ScheduledWorkOptions.DigestInterval"/> (in Azure both are timer-triggered functions). Each
/// runs in a loop of its own, so a slow mail server never delays a deadline. A failed run is logged and retried at the
/// next interval; it never stops the loop, and a digest it did not send is sent by a later run.
/// </summary>
internal sealed partial class ScheduledWorkService(
    IServiceScopeFactory scopes, StaffDigests digests, ScheduledWorkOptions options, ILogger<ScheduledWorkService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        EveryAsync(options.SweepInterval, "deadline sweep", async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeadlineSweeper>().SweepAsync(stoppingToken);
        }, stoppingToken),
        EveryAsync(options.DigestInterval, "staff digests", () => digests.SendDueAsync(stoppingToken), stoppingToken));

    private async Task EveryAsync(TimeSpan interval, string work, Func<Task> run, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            await RunAsync(work, run);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(string work, Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, work);
        }
    }

    [LoggerMessage(LogLevel.Error, "Scheduled {Work} failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string work);
}

/// <summary>How often the local host runs its scheduled work; bound from <c>Schedule</c>.</summary>
internal sealed record ScheduledWorkOptions
{
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan DigestInterval { get; init; } = TimeSpan.FromMinutes(5);
}
