using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// A holiday calendar year published or amended while cases run: every running deadline counted through the year with
/// an earlier calendar is recounted; one whose last day changes moves (timer, timeline citing the decree, the parties
/// emailed), one that passed keeps its consequence. The decrees here are made up for the tests; 12 January 2027 is not
/// a real holiday.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CalendarAmendmentTests(AzuriteFixture azurite)
{
    private const string Decree = "TEST-ONLY 1/2026";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly DateOnly DecreeSigned = new(2026, 12, 22);
    private static readonly DateOnly NewYear = new(2027, 1, 1);

    /// <summary>A made-up holiday on Tuesday 12 January 2027, inside the O4 and O10 windows below.</summary>
    private static readonly DateOnly TestHoliday = new(2027, 1, 12);

    /// <summary>Monday 21 December 2026, 09:00 WIB: O4 (14 working days) ends provisionally on Wednesday 13 January 2027.</summary>
    private static readonly DateTimeOffset LateDecember = new(2026, 12, 21, 9, 0, 0, Wib);

    private async Task<(CaseScenarioHost Host, PublishingCalendarSource Calendars)> HostAsync(DateTimeOffset start)
    {
        var host = await CaseScenarioHost.CreateAsync(azurite, new FakeTimeProvider(start), publishing: true);
        return (host, host.Calendars!);
    }

    [Fact] // O4 provisional to 13 January; the 2027 decree makes 12 January a holiday: the last day is 14 January
    public async Task A_provisional_deadline_is_recounted_when_the_decree_is_published_and_moves_with_its_timer()
    {
        var (host, calendars) = await HostAsync(LateDecember);
        await using var _ = host;
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 12, 1)).Build());
        Assert.True(Assert.Single((await host.StatusAsync(id)).OpenDeadlines).Provisional);

        await host.AdvanceDaysAsync(1);
        var decree = calendars.Publish(2027, Decree, DecreeSigned, host.Host.Clock.GetUtcNow(), NewYear, TestHoliday);
        var told = await host.Host.TellCasesAsync(decree);

        Assert.Equal([id], told);
        var status = await host.StatusAsync(id);
        var deadline = Assert.Single(status.OpenDeadlines);
        Assert.Equal(("O4", new DateOnly(2027, 1, 14)), (deadline.RuleId, deadline.DueDate));
        Assert.False(deadline.Provisional);
        Assert.Empty(deadline.ProvisionalYears);
        Assert.Contains(new CalendarVersionUsed(2027, 1), deadline.CalendarVersions);
        Assert.Contains("calendar 2027 v1, SKB No. TEST-ONLY 1/2026 of 2026-12-22", deadline.Explanation, StringComparison.Ordinal);
        var moved = Assert.Single(status.Timeline, e => e.Kind == TimelineKind.DeadlineMoved);
        Assert.Equal(TimelineVisibility.Public, moved.Visibility);
        Assert.StartsWith("Deadline O4 (completeness-answer) moved from 2027-01-13 to 2027-01-14", moved.What, StringComparison.Ordinal);
        Assert.Contains("recounted with calendar 2027 v1, SKB No. TEST-ONLY 1/2026 of 2026-12-22", moved.What, StringComparison.Ordinal);

        // The complainant is told, with the new last day and no provisional note; no one else has a deadline here.
        var email = host.Notifier.Single(NotificationTemplates.DeadlineMoved, NotificationRecipient.Complainant);
        Assert.Equal("2027-01-13", email.Data["previousDeadline"]);
        Assert.Equal("2027-01-14", email.Data["deadline"]);
        Assert.Equal((Decree, "2026-12-22"), (email.Data["decreeNumber"], email.Data["decreeDate"]));
        Assert.False(email.Data.ContainsKey("provisionalYears"));
        Assert.DoesNotContain(host.Notifier.Sent, n => n.TemplateId == NotificationTemplates.DeadlineMoved && n.Recipient != NotificationRecipient.Complainant);

        // The email as the complainant reads it, in both languages.
        Assert.Contains(
            "Semula: 13 Januari 2027 pukul 23.59 WIB.\n\nSekarang: 14 Januari 2027 pukul 23.59 WIB (Office practice).",
            Render(email, Language.Indonesian),
            StringComparison.Ordinal);
        var english = Render(email, Language.English);
        Assert.Contains("was published or amended: SKB No. TEST-ONLY 1/2026 of Tuesday, 22 December 2026.", english, StringComparison.Ordinal);
        Assert.Contains("Before: 13 January 2027, 23:59 WIB.\n\nNow: 14 January 2027, 23:59 WIB (Office practice).", english, StringComparison.Ordinal);

        // Told again (a repeated sweep): nothing more happens.
        await host.Host.RaiseAsync(id, CaseEvents.CalendarAmended, new CaseAction { Actor = CaseActor.System, Calendar = decree });
        Assert.Single((await host.StatusAsync(id)).Timeline, e => e.Kind == TimelineKind.DeadlineMoved);
        host.AssertEachStepNotifiedOnce();

        // The timer moved with the last day: 14 January is still in time, the 15th is not.
        await host.AdvanceToAsync(new DateTimeOffset(2027, 1, 14, 12, 0, 0, Wib));
        Assert.False((await host.StatusAsync(id)).Overdue);
        await host.AdvanceToAsync(new DateTimeOffset(2027, 1, 15, 9, 0, 0, Wib));
        var after = await host.StatusAsync(id);
        Assert.True(after.Overdue);
        Assert.Equal(["O4"], after.OverdueRules);
        Assert.Single(host.Notifier.Sent, n => n.TemplateId == NotificationTemplates.StaffEscalation);
    }

    private static string Render(CaseNotification notification, Language language)
    {
        var complaint = new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 12, 1)).Build();
        var template = new TemplateCatalog().Get(CaseEmailTemplates.For(notification.TemplateId, notification.Recipient), language);
        var fields = new CaseEmailFields(CaseEmailOptions.FromConfiguration(new ConfigurationBuilder().Build()), new FakeTimeProvider(LateDecember), Ombudsman.Workflows.Tests.Statute.StatuteFixtures.Catalog);
        return template.Render(fields.Build(template, notification, complaint, complaint.Office.Name, complaint.Office.TimeZone)).TextBody;
    }

    [Fact] // O10, 30 working days from 1 December 2026: 15 January 2027 provisionally, 18 January with the decree
    public async Task A_moved_deadline_the_reported_party_must_meet_is_told_to_it_and_to_the_complainant()
    {
        var (host, calendars) = await HostAsync(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Wib));
        await using var _ = host;
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 11, 2)).Confidential().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.DecisionIssued, By(Staff, "LHP") with { Maladministration = true, CorrectiveActions = ["issue the certificate"] });
        var before = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        Assert.Equal(("O10", new DateOnly(2027, 1, 15), true), (before.RuleId, before.DueDate, before.Provisional));

        var decree = calendars.Publish(2027, Decree, DecreeSigned, host.Host.Clock.GetUtcNow(), NewYear, TestHoliday);
        await host.Host.TellCasesAsync(decree);

        var deadline = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        Assert.Equal(("O10", new DateOnly(2027, 1, 18), false), (deadline.RuleId, deadline.DueDate, deadline.Provisional));
        foreach (var party in new[] { NotificationRecipient.Complainant, NotificationRecipient.Provider })
        {
            var email = host.Notifier.Single(NotificationTemplates.DeadlineMoved, party);
            Assert.Equal(("2027-01-15", "2027-01-18", "O10"), (email.Data["previousDeadline"], email.Data["deadline"], email.Data["ruleId"]));
        }

        // A confidential complainant's name never goes to the reported party, here neither.
        Assert.False(host.Notifier.Single(NotificationTemplates.DeadlineMoved, NotificationRecipient.Provider).Data.ContainsKey("complainant"));

        await host.AdvanceToAsync(new DateTimeOffset(2027, 1, 18, 12, 0, 0, Wib));
        Assert.False((await host.StatusAsync(id)).Overdue);
        await host.AdvanceToAsync(new DateTimeOffset(2027, 1, 19, 9, 0, 0, Wib));
        Assert.Equal("2027-01-18", host.Notifier.Single(NotificationTemplates.ProviderOverdue, NotificationRecipient.Provider).Data["deadline"]);
    }

    [Fact] // The decree keeps 13 January: only the calendar the deadline names changes, and no party hears of it
    public async Task An_amendment_that_does_not_change_the_last_day_moves_nothing_and_tells_no_party()
    {
        var (host, calendars) = await HostAsync(LateDecember);
        await using var _ = host;
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 12, 1)).Build());
        var entriesBefore = (await host.StatusAsync(id)).Timeline.Count;
        var sentBefore = host.Notifier.Sent.Count;

        var decree = calendars.Publish(2027, Decree, DecreeSigned, host.Host.Clock.GetUtcNow(), NewYear, new DateOnly(2027, 3, 10));
        Assert.Equal([id], await host.Host.TellCasesAsync(decree));

        var status = await host.StatusAsync(id);
        var deadline = Assert.Single(status.OpenDeadlines);
        Assert.Equal(new DateOnly(2027, 1, 13), deadline.DueDate);
        Assert.False(deadline.Provisional);
        Assert.Contains(new CalendarVersionUsed(2027, 1), deadline.CalendarVersions);
        var note = Assert.Single(status.Timeline.Skip(entriesBefore));
        Assert.Equal(TimelineVisibility.Staff, note.Visibility);
        Assert.Contains("recounted with calendar 2027 v1, SKB No. TEST-ONLY 1/2026 of 2026-12-22: its last day 2027-01-13 does not change", note.What, StringComparison.Ordinal);
        Assert.Equal(sentBefore, host.Notifier.Sent.Count);

        // Counted with version 1 now, so the case is no longer among those version 1 concerns.
        Assert.Empty(await host.Host.TellCasesAsync(decree));
    }

    [Fact] // O4 passed on 13 January and staff were told; the decree that would have ended it on the 14th does not reopen it
    public async Task A_deadline_that_passed_keeps_its_consequence_and_the_timeline_says_why()
    {
        var (host, calendars) = await HostAsync(LateDecember);
        await using var _ = host;
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 12, 1)).Build());
        await host.AdvanceToAsync(new DateTimeOffset(2027, 1, 14, 9, 0, 0, Wib));
        Assert.Equal(["O4"], (await host.StatusAsync(id)).OverdueRules);

        // Told after the deadline passed: its open row listed it just before the case applied the expiry.
        var decree = calendars.Publish(2027, Decree, DecreeSigned, host.Host.Clock.GetUtcNow(), NewYear, TestHoliday);
        await host.Host.RaiseAsync(id, CaseEvents.CalendarAmended, new CaseAction { Actor = CaseActor.System, Calendar = decree });

        var status = await host.StatusAsync(id);
        var why = Assert.Single(status.Timeline, e => e.What.Contains("is not reopened", StringComparison.Ordinal));
        Assert.Equal(TimelineVisibility.Public, why.Visibility);
        Assert.Contains(
            "Deadline O4 (completeness-answer) passed on 2027-01-13 and is not reopened: counted with calendar 2027 v1, SKB No. TEST-ONLY 1/2026 of 2026-12-22 it would end on 2027-01-14",
            why.What,
            StringComparison.Ordinal);
        Assert.Contains("consequence, which stands", why.What, StringComparison.Ordinal);
        Assert.True(status.Overdue);
        Assert.Empty(status.OpenDeadlines);
        Assert.DoesNotContain(status.Timeline, e => e.Kind == TimelineKind.DeadlineMoved);
        Assert.DoesNotContain(host.Notifier.Sent, n => n.TemplateId == NotificationTemplates.DeadlineMoved);
    }

    [Fact] // Published after the last day, but told before the case applied the expiry: it passes, it is not moved
    public async Task A_deadline_due_before_the_publication_reached_the_case_is_not_moved()
    {
        var (host, calendars) = await HostAsync(LateDecember);
        await using var _ = host;
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 12, 1)).Build());

        // The clock passes 13 January without the sweep: the O4 row is still open when the decree is published.
        host.Host.Clock.Advance(new DateTimeOffset(2027, 1, 14, 9, 0, 0, Wib) - host.Host.Clock.GetUtcNow());
        var decree = calendars.Publish(2027, Decree, DecreeSigned, host.Host.Clock.GetUtcNow(), NewYear, TestHoliday);
        Assert.Equal([id], await host.Host.TellCasesAsync(decree));
        await host.AdvanceAsync(TimeSpan.Zero);

        var status = await host.StatusAsync(id);
        Assert.Equal(["O4"], status.OverdueRules);
        Assert.Single(status.Timeline, e => e.What.Contains("passed on 2027-01-13 and is not reopened", StringComparison.Ordinal));
        Assert.DoesNotContain(status.Timeline, e => e.Kind == TimelineKind.DeadlineMoved);
        Assert.Equal("2027-01-13", host.Notifier.Single(NotificationTemplates.StaffEscalation, NotificationRecipient.Staff).Data["deadline"]);
    }

    [Fact] // Only the system sends it, in any open stage, and never without the calendar
    public void The_calendar_event_is_the_systems_and_carries_its_publication()
    {
        var decree = new CalendarPublication { Year = 2027, Version = 1, DecreeNumber = Decree, DecreeDate = DecreeSigned, PublishedAt = LateDecember };

        Assert.Null(CaseStageRules.Check(CaseStage.CureWindow, ComplaintPath.Provider, CaseEvents.CalendarAmended, new CaseAction { Actor = CaseActor.System, Calendar = decree }));
        Assert.Equal(
            CaseActionRefusal.ActorNotAllowed,
            CaseStageRules.Check(CaseStage.CureWindow, ComplaintPath.Provider, CaseEvents.CalendarAmended, new CaseAction { Actor = Staff, Calendar = decree })!.Code);
        Assert.Equal(
            CaseActionRefusal.DetailsMissing,
            CaseStageRules.Check(CaseStage.Examination, ComplaintPath.Ombudsman, CaseEvents.CalendarAmended, new CaseAction { Actor = CaseActor.System })!.Code);
        Assert.True(decree.Concerns([2027], []));
        Assert.True(decree.Concerns([], [new CalendarVersionUsed(2027, 0)]));
        Assert.False(decree.Concerns([], [new CalendarVersionUsed(2027, 1), new CalendarVersionUsed(2026, 0)]));
        Assert.False(decree.Concerns([2028], [new CalendarVersionUsed(2026, 0)]));
    }
}
