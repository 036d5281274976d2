using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>A working-day deadline reaching a year with no holiday calendar: the case waits and staff are told; it never guesses.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeadlineUnavailableTests(AzuriteFixture azurite)
{
    /// <summary>Monday 21 December 2026, 09:00 WIB: 14 working days (O4) end in January 2027, whose calendar is not shipped.</summary>
    private static readonly DateTimeOffset LateDecember = new(2026, 12, 21, 2, 0, 0, TimeSpan.Zero);

    /// <summary>With Statute:ProvisionalYears off, as before that setting: the case waits for the year's calendar.</summary>
    private Task<CaseScenarioHost> HostAsync(bool fallback = false) => CaseScenarioHost.CreateAsync(
        azurite,
        clock: new FakeTimeProvider(LateDecember),
        statute: o =>
        {
            o.ProvisionalYears = false;
            o.AllowWeekendOnlyFallback = fallback;
        });

    [Fact] // Office practice O4 (14 working days) with the 2027 holiday calendar missing
    public async Task Deadline_that_cannot_be_computed_is_retried_daily_with_staff_told_and_the_case_keeps_its_events()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 12, 1)).Build());

        var waiting = await host.StatusAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, await host.RuntimeStatusAsync(id));
        Assert.Equal(CaseStage.CompletenessCheck, waiting.Stage);
        Assert.Empty(waiting.OpenDeadlines);
        var told = host.Notifier.Single(NotificationTemplates.StaffEscalation, NotificationRecipient.Staff);
        Assert.Contains("holidays/2027.json", told.Data["consequence"], StringComparison.Ordinal);

        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.AdvanceDaysAsync(1);

        Assert.Equal(2, host.Notifier.Templates(NotificationRecipient.Staff).Count);
        Assert.Equal(CaseStage.CompletenessCheck, (await host.StatusAsync(id)).Stage);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // Statute:AllowWeekendOnlyFallback, enabled explicitly: weekends only in 2027, and the deadline says so
    public async Task With_the_weekend_only_fallback_the_deadline_is_computed_and_says_so()
    {
        await using var host = await HostAsync(fallback: true);
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 12, 1)).Build());

        var deadline = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        Assert.Equal("O4", deadline.RuleId);
        Assert.Contains("2027", deadline.Explanation, StringComparison.Ordinal);
        Assert.Empty(host.Notifier.Templates(NotificationRecipient.Staff));
    }
}
