using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Functions.Tests.Email;

/// <summary>
/// The local host's scheduler runs the staff digests with nothing to restart: runs that throw are logged, the next
/// run comes anyway, and the digests they did not send are sent then, once per office.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalDigestSchedulerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task After_runs_that_threw_the_scheduler_keeps_running_and_sends_each_offices_digest_once()
    {
        var deadlines = new FailingOpenDeadlineSource(failures: 6);
        await using var app = await TestApp.StartAsync(
            azurite,
            // 09:00 WIB, 10:00 WITA, 11:00 WIT: the four offices' digests are due.
            ["Clock:Mode=Manual", "Clock:Start=2026-03-02T02:00:00Z", "Schedule:DigestInterval=00:00:00.100"],
            configureServices: services => services.AddSingleton<IOpenDeadlineSource>(deadlines));

        // Six failed look-ups span the first two runs; wait for three runs after the first success.
        await Polling.UntilAsync(() => Task.FromResult(deadlines.Calls), calls => calls >= 6 + (4 * 3), TimeSpan.FromSeconds(60));

        var digests = Directory.GetFiles(app.MailDirectory, "staff-digest-*.eml");
        Assert.Equal(4, digests.Length);
        Assert.Equal(
            ["BAL", "JKT", "PAP", "PST"],
            digests.Select(f => File.ReadAllLines(f).Single(l => l.StartsWith("X-Ombudsman-Idempotency-Key: ", StringComparison.Ordinal)).Split(':')[2]).Order());
    }

    /// <summary>The deadline index failing for the first look-ups, as storage would during an outage.</summary>
    private sealed class FailingOpenDeadlineSource(int failures) : IOpenDeadlineSource
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<IReadOnlyList<OpenDeadline>> ListDueAsync(string officeId, DateTimeOffset dueAtOrBefore, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures
                ? throw new InvalidOperationException("the deadline index is unreachable")
                : Task.FromResult<IReadOnlyList<OpenDeadline>>([]);
    }
}
