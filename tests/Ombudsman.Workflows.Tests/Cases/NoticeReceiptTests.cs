using Microsoft.DurableTask.Client;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// The cure window is counted from the complainant's receipt of the incomplete-file notice (UU 25/2009 art. 45(2)-(3)
/// for P6; UU 37/2008 art. 25 for O3): from the email's acceptance, from the date staff record for a notice delivered by
/// other means, or from an accepted resend; while the notice has not arrived no clock runs and nothing is deemed withdrawn.
/// Filing is Monday 2 March 2026 09:00 WIB (<see cref="CaseScenarioHost.Filing"/>).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoticeReceiptTests(AzuriteFixture azurite)
{
    private static CaseNotificationResult? RejectFileIncomplete(CaseNotification n) =>
        n.TemplateId == NotificationTemplates.FileIncomplete ? CaseNotificationResult.NotDelivered("mailbox does not exist") : null;

    [Fact] // UU 25/2009 art. 45(2): the 30 days run from the complainant's receipt of the P5 answer
    public async Task Notice_accepted_by_email_starts_the_cure_window_from_its_delivery()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.AdvanceDaysAsync(3);
        await host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature"] });

        var status = await host.StatusAsync(id);
        var cure = Assert.Single(status.OpenDeadlines);
        Assert.Equal(("P6", new DateOnly(2026, 4, 4)), (cure.RuleId, cure.DueDate));
        Assert.Equal(new NoticeReceipt { On = new DateOnly(2026, 3, 5), Means = NoticeReceipt.Email }, cure.CountedFromReceipt);
        Assert.StartsWith("counted from receipt of the notice (email, 2026-03-05)", cure.Explanation, StringComparison.Ordinal);
        Assert.Empty(status.AwaitingReceipt);
        var received = Assert.Single(status.Timeline, e => e.Step == TimelineSteps.NoticeReceived);
        Assert.Equal(TimelineVisibility.Public, received.Visibility);
        Assert.Contains("2026-03-05 (email accepted for delivery)", received.What, StringComparison.Ordinal);
        Assert.Equal("2026-04-04", host.Notifier.Single(NotificationTemplates.FileIncomplete, NotificationRecipient.Complainant).Data["deadline"]);

        await host.AdvanceToAsync(new DateTimeOffset(2026, 4, 4, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(CaseStage.CureWindow, (await host.StatusAsync(id)).Stage);
        await host.AdvanceDaysAsync(1);
        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.DeemedWithdrawn), (closed.Stage, closed.ClosedReason));
    }

    [Fact] // UU 25/2009 art. 45(3): no deemed withdrawal on a notice the complainant never received
    public async Task Undelivered_notice_starts_no_clock_and_the_case_is_not_deemed_withdrawn_after_the_window()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        host.Notifier.Answer = RejectFileIncomplete;
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature"] });

        var waiting = await host.StatusAsync(id);
        Assert.Equal(CaseStage.CureWindow, waiting.Stage);
        Assert.Empty(waiting.OpenDeadlines);
        var awaiting = Assert.Single(waiting.AwaitingReceipt);
        Assert.Equal(("P6", "cure-window", "UU 25/2009 art. 45(2)-(3)"), (awaiting.RuleId, awaiting.Kind, awaiting.Citation));
        Assert.Equal([awaiting.NotificationKey], waiting.NotDeliveredNotifications);
        Assert.Contains(waiting.Timeline, e => e.Step == TimelineSteps.AwaitingReceipt && e.Visibility == TimelineVisibility.Public);

        await host.AdvanceDaysAsync(45);

        var later = await host.StatusAsync(id);
        Assert.Equal((CaseStage.CureWindow, null), (later.Stage, later.ClosedReason));
        Assert.Single(later.AwaitingReceipt);
        Assert.DoesNotContain(later.Timeline, e => e.Kind == TimelineKind.DeadlinePassed);
        Assert.Equal(OrchestrationRuntimeStatus.Running, await host.RuntimeStatusAsync(id));
        Assert.DoesNotContain(NotificationTemplates.CureReminder7Days, host.Notifier.Templates(NotificationRecipient.Complainant));
        Assert.DoesNotContain(NotificationTemplates.DeemedWithdrawn, host.Notifier.Templates(NotificationRecipient.Complainant));
        Assert.Empty(await host.Host.AllOpenTimersAsync());
    }

    [Fact] // UU 25/2009 art. 45(2)-(3): a notice handed over by letter on a date starts the 30 days from that date
    public async Task Notice_delivered_by_letter_starts_the_window_from_the_date_staff_record()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        host.Notifier.Answer = RejectFileIncomplete;
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature"] });
        var key = Assert.Single((await host.StatusAsync(id)).NotDeliveredNotifications);
        await host.AdvanceDaysAsync(10);

        // A day still to come is no receipt: refused, nothing changes.
        await host.ActAsync(id, CaseEvents.NotificationDeliveredOtherwise, By(Staff) with
        {
            NotificationKey = key,
            DeliveredBy = "letter",
            DeliveredOn = new DateOnly(2026, 3, 20),
        });
        var refused = await host.StatusAsync(id);
        Assert.Single(refused.AwaitingReceipt);
        Assert.Equal([key], refused.NotDeliveredNotifications);
        Assert.Contains(refused.Timeline, e => e.Kind == TimelineKind.Refused && e.Event == CaseEvents.NotificationDeliveredOtherwise);

        await host.ActAsync(id, CaseEvents.NotificationDeliveredOtherwise, By(Staff, "registered post, signed for") with
        {
            NotificationKey = key,
            DeliveredBy = "letter",
            DeliveredOn = new DateOnly(2026, 3, 9),
        });

        var started = await host.StatusAsync(id);
        Assert.Empty(started.AwaitingReceipt);
        Assert.Empty(started.NotDeliveredNotifications);
        var cure = Assert.Single(started.OpenDeadlines);
        Assert.Equal(("P6", new DateOnly(2026, 4, 8)), (cure.RuleId, cure.DueDate));
        Assert.Equal(new NoticeReceipt { On = new DateOnly(2026, 3, 9), Means = "letter" }, cure.CountedFromReceipt);
        Assert.StartsWith("counted from receipt of the notice (letter, 2026-03-09)", cure.Explanation, StringComparison.Ordinal);
        var received = Assert.Single(started.Timeline, e => e.Step == TimelineSteps.NoticeReceived);
        Assert.Contains("2026-03-09 (delivered by letter, confirmed by staff)", received.What, StringComparison.Ordinal);
        Assert.DoesNotContain("registered post", received.What, StringComparison.Ordinal);

        await host.AdvanceToAsync(new DateTimeOffset(2026, 4, 8, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(CaseStage.CureWindow, (await host.StatusAsync(id)).Stage);
        await host.AdvanceDaysAsync(1);
        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.DeemedWithdrawn), (closed.Stage, closed.ClosedReason));
        Assert.Contains("UU 25/2009 art. 45(2)-(3)", closed.ClosedDetail, StringComparison.Ordinal);
    }

    [Fact] // UU 25/2009 art. 45(2): a resend that is accepted starts the window from its own delivery
    public async Task Resent_notice_accepted_starts_the_window_from_the_resend()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        host.Notifier.Answer = n => n.IdempotencyKey.Contains(":resend-", StringComparison.Ordinal) ? null : RejectFileIncomplete(n);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature"] });
        var key = Assert.Single((await host.StatusAsync(id)).NotDeliveredNotifications);
        await host.AdvanceDaysAsync(6);

        await host.ActAsync(id, CaseEvents.NotificationResend, By(Staff) with { NotificationKey = key });

        var started = await host.StatusAsync(id);
        Assert.Empty(started.AwaitingReceipt);
        var cure = Assert.Single(started.OpenDeadlines);
        Assert.Equal(("P6", new DateOnly(2026, 4, 7)), (cure.RuleId, cure.DueDate));
        Assert.Equal(new NoticeReceipt { On = new DateOnly(2026, 3, 8), Means = NoticeReceipt.Email }, cure.CountedFromReceipt);
        var resent = Assert.Single(host.Notifier.Sent, n => n.IdempotencyKey == key + ":resend-1");
        Assert.Equal("2026-04-07", resent.Data["deadline"]);
    }

    [Fact] // UU 37/2008 art. 25: the reporter's 30 days for missing formal requirements also wait for the notice's receipt
    public async Task Report_to_the_Ombudsman_waits_for_receipt_of_the_formal_notice_before_O3_runs()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        host.Notifier.Answer = RejectFileIncomplete;
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 1, 10)).Build());
        await host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["identity card"] });

        var waiting = await host.StatusAsync(id);
        Assert.Equal(("O3", "UU 37/2008 (art. 25)"), (Assert.Single(waiting.AwaitingReceipt).RuleId, waiting.AwaitingReceipt[0].Citation));
        await host.AdvanceDaysAsync(40);
        Assert.Equal(CaseStage.CureWindow, (await host.StatusAsync(id)).Stage);

        await host.ActAsync(id, CaseEvents.NotificationDeliveredOtherwise, By(Staff) with
        {
            NotificationKey = waiting.NotDeliveredNotifications[0],
            DeliveredBy = "in-person",
        });
        var cure = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        Assert.Equal(("O3", new DateOnly(2026, 5, 11)), (cure.RuleId, cure.DueDate));
        Assert.Equal("in-person", cure.CountedFromReceipt!.Means);
    }
}
