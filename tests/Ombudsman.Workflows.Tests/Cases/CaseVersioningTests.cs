using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable.Storage;
using Ombudsman.Workflows.Durable.Storage.InMemory;
using Ombudsman.Workflows.Orchestrations;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>Requirement 8: a running case keeps its orchestration version when a new one is deployed beside it.</summary>
public sealed class CaseVersioningTests
{
    [Fact]
    public async Task A_case_started_on_version_1_keeps_running_on_version_1_after_version_2_is_registered()
    {
        var clock = new FakeTimeProvider(CaseScenarioHost.Filing);
        var storage = InMemoryDurableStorage.Create(clock);
        await using (var before = await CaseScenarioHost.CreateAsync(_ => Task.FromResult<DurableStorage>(storage), clock: clock, existing: storage))
        {
            await before.FileAsync(new ComplaintBuilder().Build(), "old-case");
        }

        // Version 2 stands for a change that would replay running cases differently.
        await using var after = await CaseScenarioHost.CreateAsync(
            _ => Task.FromResult<DurableStorage>(storage),
            register: r => r.AddCaseWorkflows().AddOrchestration<Complaint, CaseOutcome>(CaseOrchestration.Name, "2", (ctx, _) =>
                Task.FromResult<CaseOutcome?>(new CaseOutcome { CaseId = ctx.InstanceId, Reason = CaseClosedReason.Decided, Detail = "v2", ClosedAt = ctx.CurrentUtcDateTime })),
            clock: clock,
            existing: storage);
        await after.ActAsync("old-case", CaseEvents.FileComplete, By(Staff));
        await after.FileAsync(new ComplaintBuilder().Build(), "new-case");

        var old = await after.Host.StatusAsync("old-case");
        Assert.Equal("1", old.Version);
        Assert.Equal(CaseStage.Examination, old.ReadCustomStatus<CaseStatus>()!.Stage);
        var fresh = await after.Host.StatusAsync("new-case");
        Assert.Equal(("2", "v2"), (fresh.Version, fresh.ReadOutput<CaseOutcome>()!.Detail));
    }
}
