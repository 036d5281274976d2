namespace Ombudsman.Functions.Clock;

/// <summary>
/// Puts the manual clock back where it was moved to before the app stopped, before the engine and the scheduler start:
/// the stored time wins over the real-time default, and an explicit <c>Clock:Start</c> only when it is later (the clock
/// never goes backwards across a restart).
/// </summary>
internal sealed class ManualClockResume(ManualClock clock, ManualClockStore store, ClockOptions options, ILogger<ManualClockResume> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await store.LoadAsync(cancellationToken) is not { } stored)
        {
            await store.SaveAsync(clock.GetUtcNow(), cancellationToken);
            logger.LogInformation("Manual clock starts at {Now:O} (task hub {Hub}); it moves only through POST /api/dev/clock/advance.", clock.GetUtcNow(), store.HubName);
            return;
        }

        var resumeAt = options.Start is { } start && start > stored ? start : stored;
        clock.ResumeAt(resumeAt);
        await store.SaveAsync(resumeAt, cancellationToken);
        logger.LogInformation("Manual clock resumes at {Now:O}, where task hub {Hub} left it.", resumeAt, store.HubName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
