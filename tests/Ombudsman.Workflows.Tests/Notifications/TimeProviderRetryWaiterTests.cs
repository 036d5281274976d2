using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

public sealed class TimeProviderRetryWaiterTests
{
    [Fact]
    public async Task A_retry_wait_ends_when_the_injected_clock_reaches_it_and_not_before()
    {
        var clock = new FakeTimeProvider();
        var wait = new TimeProviderRetryWaiter(clock).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(29));
        var early = wait.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(early);
        Assert.True(wait.IsCompletedSuccessfully);
    }
}
