using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Orchestrations;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// A case timer is applied by whichever of its durable timer and the sweeper's deadline-due event arrives first; the
/// second changes nothing, in either order. Run on the real engine with the app's clock at the wall clock and a timer
/// a few seconds out, so the engine's own timer really fires.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeadlineRaceTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan TimerDistance = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task The_sweeper_first_and_the_durable_timer_after_apply_the_deadline_once()
    {
        await using var host = await StartAsync();
        var filing = Filing(host);
        await host.StartAsync(RaceOrchestration.Name, "race-a", filing);

        await host.AdvanceAsync(TimerDistance);
        Assert.Single(await AppliedAsync(host, "race-a"));

        // The engine's timer fires a little after; its task was cancelled when the deadline was applied.
        await Task.Delay(TimerDistance * 2);
        await host.RaiseAsync("race-a", CaseEvents.CureSubmitted, By(TheComplainant));

        Assert.Equal(1, await OutcomeAsync(host, "race-a"));
        Assert.Single(await AppliedAsync(host, "race-a"));
    }

    [Fact]
    public async Task The_durable_timer_first_and_a_late_deadline_event_after_apply_the_deadline_once()
    {
        await using var host = await StartAsync();
        var filing = Filing(host);
        await host.StartAsync(RaceOrchestration.Name, "race-b", filing);

        // No sweep: the engine's own timer applies it.
        var applied = await UntilAppliedAsync(host, "race-b");
        await host.RaiseDueAsync("race-b", RaceOrchestration.TimerKey, filing.ReceivedAt + TimerDistance);
        await host.RaiseAsync("race-b", CaseEvents.CureSubmitted, By(TheComplainant));

        Assert.Single(applied);
        Assert.Equal(1, await OutcomeAsync(host, "race-b"));
        Assert.Single(await AppliedAsync(host, "race-b"));
    }

    private Task<CaseEngineHost> StartAsync() => CaseEngineHost.StartAsync(
        azurite,
        new FakeTimeProvider(DateTimeOffset.UtcNow),
        services => services.AddStatute(),
        tasks => tasks.AddCaseWorkflows().AddOrchestrator(RaceOrchestration.Name, typeof(RaceOrchestration)));

    private static CaseFiling Filing(CaseEngineHost host) => new() { Complaint = new ComplaintBuilder().Build(), ReceivedAt = host.Clock.GetUtcNow() };

    private static async Task<IReadOnlyList<TimelineEntry>> AppliedAsync(CaseEngineHost host, string caseId) =>
        [.. (await host.ViewAsync(caseId)).Status.Timeline.Where(e => e.What == RaceOrchestration.Applied)];

    private static async Task<IReadOnlyList<TimelineEntry>> UntilAppliedAsync(CaseEngineHost host, string caseId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var applied = await AppliedAsync(host, caseId);
            if (applied.Count > 0)
            {
                return applied;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static async Task<int> OutcomeAsync(CaseEngineHost host, string caseId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await host.Client.WaitForInstanceCompletionAsync(caseId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<int>();
    }

    /// <summary>A case in its cure window with one timer a few seconds out; returns how often the timer was applied.</summary>
    private sealed class RaceOrchestration : TaskOrchestrator<CaseFiling, int>
    {
        public const string Name = "DeadlineRace";
        public const string TimerKey = "race-1";
        public const string Applied = "race timer applied";

        public override async Task<int> RunAsync(TaskOrchestrationContext context, CaseFiling input)
        {
            var wf = new CaseWorkflowContext(context, input);
            var applied = 0;
            wf.Enter(CaseStage.CureWindow);
            wf.StartTimer("race", wf.Now + TimerDistance, onExpired: _ =>
            {
                applied++;
                wf.Record(CaseActor.System, Applied);
                return Task.CompletedTask;
            });
            await wf.WaitAsync();
            await wf.RecordAsync(waiting: true);
            return applied;
        }
    }
}
