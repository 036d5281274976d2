namespace Ombudsman.Workflows.Notifications;

/// <summary>Waits on the injected clock, so a FakeTimeProvider controls every retry delay.</summary>
internal sealed class TimeProviderRetryWaiter(TimeProvider time) : IRetryWaiter
{
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
}
