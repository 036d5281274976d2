using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Orchestrations;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// Filing under a case id that is already a case's is refused and leaves that case as it was: a running case, an ended
/// one (which the Azure Storage back end would otherwise replace), or one that only the read model still holds.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TakenCaseIdTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Filing_under_the_id_of_a_running_case_is_refused_and_the_case_goes_on_untouched()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        var before = await host.Host.ViewAsync(id);
        var instanceBefore = await host.Host.Client.GetInstanceAsync(id);

        var taken = await Assert.ThrowsAsync<CaseIdTakenException>(() => host.Commands.FileAsync(id, new ComplaintBuilder().Build() with { Description = "Someone else's complaint." }));

        var after = await host.Host.ViewAsync(id);
        Assert.Equal(CaseIdTakenException.ProblemCode, taken.Code);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal(instanceBefore!.CreatedAt, (await host.Host.Client.GetInstanceAsync(id))!.CreatedAt);
        Assert.Equal(before.Complaint.Description, after.Complaint.Description);
        Assert.Equal(before.Status.Timeline.Count, after.Status.Timeline.Count);
        Assert.Equal(before.InputsHandled, after.InputsHandled);
    }

    [Fact]
    public async Task Filing_under_the_id_of_an_ended_case_is_refused_and_its_record_stays()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.CloseCase, By(Staff, "Not a public service.") with { ClosedReason = CaseClosedReason.NoAuthority });
        var ended = await host.Host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        var before = await host.Host.ViewAsync(id);

        await Assert.ThrowsAsync<CaseIdTakenException>(() => host.Commands.FileAsync(id, new ComplaintBuilder().Build() with { Description = "Someone else's complaint." }));

        var after = await host.Host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, after!.RuntimeStatus);
        Assert.Equal(ended!.SerializedOutput, after.SerializedOutput);
        Assert.Equal(ended.CreatedAt, after.CreatedAt);
        Assert.Equal(CaseStage.Closed, (await host.Host.ViewAsync(id)).Status.Stage);
        Assert.Equal(before.Complaint.Description, (await host.Host.ViewAsync(id)).Complaint.Description);
    }

    [Fact]
    public async Task Filing_under_the_id_of_a_purged_case_that_the_read_model_keeps_is_refused()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.CloseCase, By(Staff, "Not a public service.") with { ClosedReason = CaseClosedReason.NoAuthority });
        await host.Host.Client.PurgeInstanceAsync(id);

        await Assert.ThrowsAsync<CaseIdTakenException>(() => host.Commands.FileAsync(id, new ComplaintBuilder().Build()));

        Assert.Null(await host.Host.Client.GetInstanceAsync(id));
        Assert.Equal(CaseStage.Closed, (await host.Host.ViewAsync(id)).Status.Stage);
    }

    [Fact]
    public async Task Two_filings_racing_for_one_free_id_start_one_case_and_the_other_is_refused()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var first = new ComplaintBuilder().Build();
        var second = first with { Description = "Someone else's complaint." };

        var results = await Task.WhenAll(
            Outcome(host.Commands.FileAsync("case-raced", first)),
            Outcome(host.Commands.FileAsync("case-raced", second)));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r is CaseIdTakenException);
        var view = await host.Host.ViewAsync("case-raced");
        Assert.Contains(view.Complaint.Description, new[] { first.Description, second.Description });
        Assert.Equal(OrchestrationRuntimeStatus.Running, await host.RuntimeStatusAsync("case-raced"));
    }

    [Fact]
    public async Task The_local_engine_accepts_a_start_under_an_ended_instance_even_when_told_every_status_is_taken()
    {
        // Why filing claims the id in the read model first: the sidecar drops the dedupe statuses, so the back end does
        // not refuse the start; the caller would be told a case was filed that never runs. If this fails, the engine refuses by itself.
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.CloseCase, By(Staff, "Not a public service.") with { ClosedReason = CaseClosedReason.NoAuthority });
        var filing = new CaseFiling { Complaint = new ComplaintBuilder().Build() with { Description = "Someone else's complaint." }, ReceivedAt = host.Host.Clock.GetUtcNow() };

        var started = await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            CaseOrchestration.Name, filing, new StartOrchestrationOptions(id).WithDedupeStatuses(Enum.GetValues<OrchestrationRuntimeStatus>()));

        Assert.Equal(id, started);
    }

    private static async Task<Exception?> Outcome(Task filing)
    {
        try
        {
            await filing;
            return null;
        }
        catch (CaseIdTakenException e)
        {
            return e;
        }
    }
}
