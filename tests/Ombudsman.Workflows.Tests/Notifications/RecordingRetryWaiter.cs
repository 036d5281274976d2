using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>Records every retry delay and moves the fake clock by it instead of sleeping.</summary>
internal sealed class RecordingRetryWaiter(FakeTimeProvider clock) : IRetryWaiter
{
    public List<TimeSpan> Delays { get; } = [];

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        Delays.Add(delay);
        clock.Advance(delay);
        return Task.CompletedTask;
    }
}
