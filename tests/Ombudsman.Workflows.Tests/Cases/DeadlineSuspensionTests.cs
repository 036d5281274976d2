using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// Staff stop a running deadline's clock with a reason and start it again: while suspended its timer, reminders and
/// consequence wait; on resumption the last day moves by the days it stood still, counted in the rule's own day type
/// (working days with the legal calendar, calendar days otherwise); a long suspension is flagged to the head of office.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeadlineSuspensionTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static CaseAction Suspend(string ruleId, SuspensionReason reason, string? note = null) =>
        By(Staff, note) with { DeadlineRuleId = ruleId, SuspensionReason = reason };

    private static CaseAction Resume(string ruleId) => By(Staff) with { DeadlineRuleId = ruleId };

    [Fact] // O4, 14 working days: suspended over the 2026 Nyepi and Idul Fitri days, it moves by the 3 working days it stood still
    public async Task A_working_day_deadline_suspended_over_the_holidays_moves_by_the_working_days_it_stood_still()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 2, 1)).Build());
        var counted = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        // 3-6, 9-13, 16-17 March and 25-27 March: 18-24 March are Nyepi, Idul Fitri and their collective leave.
        Assert.Equal(("O4", new DateOnly(2026, 3, 27)), (counted.RuleId, counted.DueDate));

        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 16, 10, 0, 0, Wib));
        await host.ActAsync(id, CaseEvents.SuspendDeadline, Suspend("O4", SuspensionReason.AgreedExtension, "the parties asked for time"));

        var suspended = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        Assert.Equal((new DateOnly(2026, 3, 16), SuspensionReason.AgreedExtension), (suspended.Suspended!.SinceDate, suspended.Suspended.Reason));
        Assert.Equal(new DateOnly(2026, 3, 27), suspended.DueDate);
        Assert.DoesNotContain(await host.Host.AllOpenTimersAsync(), t => t.Timer.Deadline is not null);

        // Resumed on Thursday 26 March: 17, 25 and 26 March were working days; 18-24 March were not.
        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 26, 10, 0, 0, Wib));
        await host.ActAsync(id, CaseEvents.ResumeDeadline, Resume("O4"));

        var status = await host.StatusAsync(id);
        var resumed = Assert.Single(status.OpenDeadlines);
        Assert.Null(resumed.Suspended);
        Assert.Equal(new DateOnly(2026, 4, 1), resumed.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 0, 0, 0, Wib), resumed.DueAt);
        var period = Assert.Single(resumed.Suspensions);
        Assert.Equal((3, DayType.Working, new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 26)), (period.Days, period.DayType, period.From, period.To));
        Assert.Contains("suspended 3 working days from 2026-03-16 to 2026-03-26: agreed extension by the parties", resumed.Explanation, StringComparison.Ordinal);
        Assert.Equal(
            "14 working days from 2026-03-02 (not counting weekends, 1 national holiday and 4 collective-leave days); counted with calendar 2026 v0 (data file holidays/2026.json); "
            + "suspended 3 working days from 2026-03-16 to 2026-03-26: agreed extension by the parties; counted with calendar 2026 v0 (data file holidays/2026.json); ends 2026-04-01 23:59 WIB",
            resumed.Explanation);
        Assert.Contains(status.Timeline, e => e.Kind == TimelineKind.DeadlineSuspended && e.What.StartsWith("Deadline O4 (completeness-answer) suspended from 2026-03-16", StringComparison.Ordinal));
        Assert.Contains(status.Timeline, e => e.Kind == TimelineKind.DeadlineResumed && e.What.Contains("now runs to 2026-04-01", StringComparison.Ordinal));
        var row = Assert.Single(await host.Host.AllOpenTimersAsync(), t => t.Timer.Deadline is not null);
        Assert.Equal(resumed.DueAt, row.Timer.DueAt);

        // The moved deadline runs and passes like any other: overdue only after its new last day.
        await host.AdvanceToAsync(new DateTimeOffset(2026, 4, 1, 23, 0, 0, Wib));
        Assert.False((await host.StatusAsync(id)).Overdue);
        await host.AdvanceToAsync(new DateTimeOffset(2026, 4, 2, 0, 0, 0, Wib));
        Assert.Equal(["O4"], (await host.StatusAsync(id)).OverdueRules);
    }

    [Fact] // UU 25/2009 art. 45(2)-(3): a suspended cure window does not lapse; resumed, it moves by calendar days with its reminders
    public async Task A_suspended_cure_window_is_not_deemed_withdrawn_and_resumes_by_calendar_days_with_its_reminders()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature"] });
        Assert.Equal(new DateOnly(2026, 4, 1), Assert.Single((await host.StatusAsync(id)).OpenDeadlines).DueDate);

        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 10, 10, 0, 0, Wib));
        await host.ActAsync(id, CaseEvents.SuspendDeadline, Suspend("P6", SuspensionReason.AwaitingComplainantClarification));

        // Past the last day it had (1 April) and both reminder times: nothing fires while the clock stands still.
        await host.AdvanceToAsync(new DateTimeOffset(2026, 4, 20, 10, 0, 0, Wib));
        var waiting = await host.StatusAsync(id);
        Assert.Equal(CaseStage.CureWindow, waiting.Stage);
        Assert.NotNull(Assert.Single(waiting.OpenDeadlines).Suspended);
        Assert.DoesNotContain(waiting.Timeline, e => e.Kind == TimelineKind.DeadlinePassed);
        Assert.Equal([NotificationTemplates.Receipt, NotificationTemplates.FileIncomplete], host.Notifier.Templates(NotificationRecipient.Complainant));

        // 41 calendar days (11 March to 20 April) added to 1 April: 12 May.
        await host.ActAsync(id, CaseEvents.ResumeDeadline, Resume("P6"));
        var resumed = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        Assert.Equal(new DateOnly(2026, 5, 12), resumed.DueDate);
        Assert.Equal((41, DayType.Calendar), (resumed.Suspensions[0].Days, resumed.Suspensions[0].DayType));
        Assert.Contains("suspended 41 calendar days from 2026-03-10 to 2026-04-20: awaiting the complainant's clarification", resumed.Explanation, StringComparison.Ordinal);

        // The reminders keep their distance from the moved last day: 09:00 WIB on 5 May (7 days before).
        await host.AdvanceToAsync(new DateTimeOffset(2026, 5, 5, 9, 0, 0, Wib));
        Assert.Equal("2026-05-12", host.Notifier.Single(NotificationTemplates.CureReminder7Days, NotificationRecipient.Complainant).Data["deadline"]);
        await host.AdvanceToAsync(new DateTimeOffset(2026, 5, 12, 23, 0, 0, Wib));
        Assert.Equal(CaseStage.CureWindow, (await host.StatusAsync(id)).Stage);
        await host.AdvanceToAsync(new DateTimeOffset(2026, 5, 13, 0, 0, 0, Wib));
        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.DeemedWithdrawn), (closed.Stage, closed.ClosedReason));
        Assert.Contains("2026-05-12", closed.ClosedDetail, StringComparison.Ordinal);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // Statute:SuspensionAlertDays: a suspension longer than the setting is flagged to the head of office, once
    public async Task A_suspension_longer_than_the_setting_is_flagged_to_the_head_of_office_once()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite, statute: o => o.SuspensionAlertDays = 10);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.SuspendDeadline, Suspend("P5", SuspensionReason.ForceMajeure, "office flooded"));

        await host.AdvanceToAsync(CaseScenarioHost.Filing.AddDays(10).AddMinutes(-1));
        Assert.Empty(host.Notifier.Templates(NotificationRecipient.Staff));
        Assert.Null(Assert.Single((await host.StatusAsync(id)).OpenDeadlines).Suspended!.FlaggedAt);

        await host.AdvanceToAsync(CaseScenarioHost.Filing.AddDays(10));
        var flag = host.Notifier.Single(NotificationTemplates.StaffEscalation, NotificationRecipient.Staff);
        Assert.Contains("deadline P5 has been suspended for more than 10 days (since 2026-03-02: force majeure)", flag.Data["consequence"], StringComparison.Ordinal);
        Assert.Contains("head of office", flag.Data["consequence"], StringComparison.Ordinal);
        Assert.Equal(("P5", "UU 25/2009 art. 45(1)"), (flag.Data["ruleId"], flag.Data["citation"]));
        var status = await host.StatusAsync(id);
        Assert.Equal(CaseScenarioHost.Filing.AddDays(10), Assert.Single(status.OpenDeadlines).Suspended!.FlaggedAt);
        Assert.Contains(status.Timeline, e => e.Visibility == TimelineVisibility.Staff && e.What.Contains("flagged to the head of office", StringComparison.Ordinal));

        await host.AdvanceDaysAsync(40);
        Assert.Single(host.Notifier.Sent, n => n.Recipient == NotificationRecipient.Staff);
        Assert.Equal(CaseStage.CompletenessCheck, (await host.StatusAsync(id)).Stage);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // A suspension resumed before the setting's days are up is never flagged
    public async Task A_suspension_resumed_in_time_is_not_flagged()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite, statute: o => o.SuspensionAlertDays = 10);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.SuspendDeadline, Suspend("P5", SuspensionReason.CourtProceedings));
        await host.AdvanceDaysAsync(5);
        await host.ActAsync(id, CaseEvents.ResumeDeadline, Resume("P5"));

        await host.AdvanceDaysAsync(8);

        Assert.Empty(host.Notifier.Templates(NotificationRecipient.Staff));
        Assert.Equal(new DateOnly(2026, 3, 21), Assert.Single((await host.StatusAsync(id)).OpenDeadlines).DueDate);
        Assert.DoesNotContain(await host.Host.AllOpenTimersAsync(), t => t.Timer.Key.StartsWith("suspension-alert", StringComparison.Ordinal));
    }

    [Fact] // Bad requests are refused before anything is sent, and the case refuses them again if one gets through
    public async Task Resuming_a_running_deadline_suspending_twice_or_an_unknown_rule_is_refused_and_changes_nothing()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        var before = await host.StatusAsync(id);

        var notSuspended = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.ResumeDeadline, Resume("P5")));
        Assert.Equal(CaseActionRefusal.DeadlineNotSuspended, notSuspended.Code);
        var unknown = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.SuspendDeadline, Suspend("P8", SuspensionReason.ForceMajeure)));
        Assert.Equal(CaseActionRefusal.DeadlineNotRunning, unknown.Code);
        var noReason = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.SuspendDeadline, By(Staff) with { DeadlineRuleId = "P5" }));
        Assert.Equal(CaseActionRefusal.DetailsMissing, noReason.Code);
        Assert.Equal(before.Timeline.Count, (await host.StatusAsync(id)).Timeline.Count);

        // Past the API's check (a resume racing another): the case refuses it on arrival, for staff to see, and the deadline runs on.
        await host.Host.RaiseAsync(id, CaseEvents.ResumeDeadline, Resume("P5"));
        var after = await host.StatusAsync(id);
        Assert.Contains(after.Timeline, e => e.Kind == TimelineKind.Refused && e.What.Contains(CaseActionRefusal.DeadlineNotSuspended, StringComparison.Ordinal));
        Assert.Equal(
            before.OpenDeadlines.Select(d => (d.RuleId, d.DueAt, d.Suspended)),
            after.OpenDeadlines.Select(d => (d.RuleId, d.DueAt, d.Suspended)));

        await host.ActAsync(id, CaseEvents.SuspendDeadline, Suspend("P5", SuspensionReason.ForceMajeure));
        var twice = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.SuspendDeadline, Suspend("P5", SuspensionReason.CourtProceedings)));
        Assert.Equal(CaseActionRefusal.DeadlineAlreadySuspended, twice.Code);
        Assert.Equal(SuspensionReason.ForceMajeure, Assert.Single((await host.StatusAsync(id)).OpenDeadlines).Suspended!.Reason);
    }

    [Fact] // The step done while its deadline is suspended ends the suspension with it; closing the case leaves nothing behind
    public async Task A_step_done_while_its_deadline_is_suspended_ends_the_suspension_and_nothing_fires_later()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite, statute: o => o.SuspensionAlertDays = 10);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature"] });
        await host.ActAsync(id, CaseEvents.SuspendDeadline, Suspend("P6", SuspensionReason.AwaitingComplainantClarification));

        await host.ActAsync(id, CaseEvents.CureSubmitted, By(TheComplainant, "signed"));

        var status = await host.StatusAsync(id);
        Assert.Equal(CaseStage.Examination, status.Stage);
        Assert.Equal("P8", Assert.Single(status.OpenDeadlines).RuleId);
        Assert.DoesNotContain(await host.Host.AllOpenTimersAsync(), t => t.Timer.Key.StartsWith("suspension-alert", StringComparison.Ordinal));
        await host.AdvanceDaysAsync(20);
        Assert.Empty(host.Notifier.Templates(NotificationRecipient.Staff));
    }
}
