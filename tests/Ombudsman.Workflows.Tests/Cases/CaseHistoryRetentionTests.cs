using Microsoft.DurableTask.Client;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>Case history outlives engine history: purging a closed case's instance from the task hub loses nothing a person sees.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseHistoryRetentionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_closed_case_purged_from_the_task_hub_keeps_its_status_timeline_and_filing_and_takes_no_actions()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.Withdraw, By(TheComplainant, "Settled with the provider directly."));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.Host.Client.WaitForInstanceCompletionAsync(id, timeout.Token);
        var before = await host.Host.ViewAsync(id);

        var purged = await host.Host.Client.PurgeInstanceAsync(id);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await host.Host.Client.GetInstanceAsync(id));
        var after = await host.Host.ViewAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.Withdrawn), (after.Status.Stage, after.Status.ClosedReason));
        Assert.Equal(before.Status.Timeline, after.Status.Timeline);
        Assert.Equal(before.Complaint.Description, after.Complaint.Description);
        var refused = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.Commands.SubmitAsync(id, CaseEvents.FileComplete, By(Staff)));
        Assert.Equal(CaseActionRefusal.CaseNotOpen, refused.Code);
    }
}
