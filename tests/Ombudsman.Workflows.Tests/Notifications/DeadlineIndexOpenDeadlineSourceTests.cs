using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Storage.InMemory;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Tests.Durable;

namespace Ombudsman.Workflows.Tests.Notifications;

public sealed class DeadlineIndexOpenDeadlineSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_digest_reads_an_offices_open_deadlines_with_rule_citation_and_stage_from_the_runtime()
    {
        var clock = new FakeTimeProvider(Now);
        await using var host = new DurableTestHost(InMemoryDurableStorage.Create(clock), clock, r => r
            .AddOrchestration<CaseInput, string>("Case", "1", async (ctx, input) =>
            {
                ctx.SetIndexField("office", input!.Office);
                ctx.SetCustomStatus(new { stage = "examination" });
                var deadline = new DeadlineInfo { Kind = "decision", RuleId = "P8", Citation = "UU 25/2009 art. 50(1)" };
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(input.DueInDays), deadline).Task;
                return "overdue";
            }));
        await host.Client.StartAsync("Case", new CaseInput("NTT", 2), instanceId: "PGD-1");
        await host.Client.StartAsync("Case", new CaseInput("NTT", 10), instanceId: "PGD-2");
        await host.Client.StartAsync("Case", new CaseInput("JKT", 1), instanceId: "PGD-3");
        await host.RunAsync();

        var source = new DeadlineIndexOpenDeadlineSource(host.Client);
        var open = await source.ListDueAsync("NTT", Now.AddDays(3), CancellationToken.None);

        var deadline = Assert.Single(open);
        Assert.Equal(("PGD-1", "P8", "UU 25/2009 art. 50(1)", "examination", Now.AddDays(2)), (deadline.CaseId, deadline.RuleId, deadline.Citation, deadline.Stage, deadline.DueAt));
    }

    private sealed record CaseInput(string Office, int DueInDays);
}
