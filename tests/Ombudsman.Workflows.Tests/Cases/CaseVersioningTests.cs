using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Orchestrations;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// A change that would replay running cases differently ships under a new orchestrator name beside the old one: new
/// cases start on it, and a case that started before keeps running on the code it started on.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseVersioningTests(AzuriteFixture azurite)
{
    private const string NextVersion = "Case3";

    [Fact]
    public async Task A_running_case_keeps_its_orchestrator_when_new_cases_start_on_the_next_one()
    {
        await using var host = await CaseEngineHost.StartAsync(
            azurite,
            new FakeTimeProvider(CaseScenarioHost.Filing),
            services =>
            {
                services.AddStatute();
                services.AddSingleton<ICaseNotifier>(new RecordingCaseNotifier());
            },
            tasks => tasks.AddCaseWorkflows().AddOrchestrator(NextVersion, typeof(NextCase)));
        await host.FileAsync(new ComplaintBuilder().Build(), "old-case");

        // The deploy that ships the next version: new filings start on it, beside the running case.
        var deployed = new CaseCommands(host.Client, host.ReadModel, host.Clock, new CaseWorkflowOptions { NewCasesRunOn = NextVersion });
        await deployed.FileAsync("new-case", new ComplaintBuilder().Build());
        await host.ActAsync("old-case", CaseEvents.FileComplete, By(Staff));

        var old = await host.Client.GetInstanceAsync("old-case");
        Assert.Equal((Case2Orchestration.Name, OrchestrationRuntimeStatus.Running), (old!.Name, old.RuntimeStatus));
        Assert.Equal(CaseStage.Examination, (await host.ViewAsync("old-case")).Status.Stage);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var fresh = await host.Client.WaitForInstanceCompletionAsync("new-case", getInputsAndOutputs: true, timeout.Token);
        Assert.Equal((NextVersion, "v3"), (fresh.Name, fresh.ReadOutputAs<CaseOutcome>()!.Detail));
    }

    /// <summary>Stands for a changed case workflow: it records the case and ends at once.</summary>
    private sealed class NextCase : TaskOrchestrator<CaseFiling, CaseOutcome>
    {
        public override async Task<CaseOutcome> RunAsync(TaskOrchestrationContext context, CaseFiling input)
        {
            var status = new CaseStatus
            {
                CaseId = context.InstanceId,
                Stage = CaseStage.Closed,
                Path = input.Complaint.Path,
                Office = input.Complaint.Office.Code,
                OfficeTimeZone = input.Complaint.Office.TimeZoneCode,
            };
            await context.CallActivityAsync("RecordCase", new CaseRecordUpdate
            {
                CaseId = context.InstanceId,
                Office = input.Complaint.Office.Code,
                Version = 1,
                InputsHandled = 0,
                Waiting = true,
                Status = status,
                FirstSequence = 1,
                NewEntries = [],
                Timers = [],
                Filing = input,
            });
            return new CaseOutcome { CaseId = context.InstanceId, Reason = CaseClosedReason.Decided, Detail = "v3", ClosedAt = input.ReceivedAt };
        }
    }
}
