using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable.Storage.InMemory;
using Ombudsman.Workflows.Orchestrations;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>Cases whose history holds the notification activity's earlier bare true/false result keep running.</summary>
public sealed class NotificationResultHistoryTests
{
    [Fact]
    public async Task A_notification_result_recorded_as_a_bare_bool_reads_as_delivered_and_flags_nothing()
    {
        await using var host = await CaseScenarioHost.CreateAsync(
            clock => Task.FromResult(InMemoryDurableStorage.Create(clock)),
            register: r => r
                .AddOrchestration<Complaint, CaseOutcome>(CaseOrchestration.Name, CaseOrchestration.Version, CaseOrchestration.RunAsync)
                .AddActivity<AssessComplaintActivity, IntakeRequest, IntakeAssessment>(CaseActivityNames.AssessComplaint)
                .AddActivity<ComputeDeadlineActivity, DeadlineRequest, CaseDeadline>(CaseActivityNames.ComputeDeadline)
                .AddActivity<CaseNotification, bool>(CaseActivityNames.SendNotification, (_, _) => Task.FromResult(true)));

        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));

        var status = await host.StatusAsync(id);
        Assert.Equal(CaseStage.Examination, status.Stage);
        Assert.False(status.EmailNotDelivered);
        Assert.Empty(status.NotDeliveredNotifications);
        Assert.DoesNotContain(status.Timeline, e => e.What.StartsWith("Notification ", StringComparison.Ordinal));
    }
}
