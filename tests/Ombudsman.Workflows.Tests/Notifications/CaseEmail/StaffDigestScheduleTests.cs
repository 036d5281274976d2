using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Testing;
using Ombudsman.Workflows.Notifications;
using OpenDeadline = Ombudsman.Workflows.Notifications.OpenDeadline;

namespace Ombudsman.Workflows.Tests.Notifications.CaseEmail;

/// <summary>
/// Each office gets its digest each morning at 07:00 office time. The scheduler (a timer function in Azure, the local
/// host's loop) runs it far more often than daily; only the first run after an office's 07:00 mails.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaffDigestScheduleTests(AzuriteFixture azurite)
{
    /// <summary>Monday 2 March 2026, 09:00 WIB: this morning's 07:00 has passed, the next is Tuesday's.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static readonly OpenDeadline Overdue = new()
    {
        OfficeId = "JKT",
        CaseId = "PGD-2026-000011",
        RuleId = "P5",
        Citation = "UU 25/2009 art. 45(1)",
        DueAt = Start.AddHours(-3),
        Stage = "CompletenessCheck",
    };

    private static readonly OpenDeadline DueSoon = Overdue with
    {
        CaseId = "PGD-2026-000012",
        RuleId = "P8",
        Citation = "UU 25/2009 art. 50(1)",
        DueAt = Start.AddDays(2).AddHours(8),
        Stage = "Examination",
    };

    private static readonly OpenDeadline Later = DueSoon with { CaseId = "PGD-2026-000013", DueAt = Start.AddDays(20) };

    [Fact]
    public async Task Two_mornings_send_exactly_two_digests_with_the_overdue_and_due_within_3_days_deadlines_however_often_the_scheduler_runs()
    {
        await using var host = await CaseEmailHost.CreateAsync(
            azurite,
            start: Start.AddHours(-3),
            services: s => s.AddSingleton<IOpenDeadlineSource>(new InMemoryOpenDeadlineSource(Overdue, DueSoon, Later)));
        var digests = host.Host.Services.GetRequiredService<StaffDigests>();

        // 06:00 WIB on Monday: before the office's 07:00, nothing goes out.
        Assert.Equal(0, await digests.SendDueAsync());
        Assert.Empty(host.Mail(TemplateIds.StaffDigest));

        // Every 6 hours for two days, from 08:00 WIB on Tuesday: once per morning.
        host.Host.Clock.Advance(TimeSpan.FromHours(26));
        var mailed = 0;
        for (var run = 0; run < 8; run++)
        {
            mailed += await digests.SendDueAsync();
            mailed += await digests.SendDueAsync();
            host.Host.Clock.Advance(TimeSpan.FromHours(6));
        }

        Assert.Equal(2, mailed);

        var sent = host.Mail(TemplateIds.StaffDigest).OrderBy(m => m.Headers["Subject"], StringComparer.Ordinal).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(
            ["staff-digest:JKT:2026-03-03", "staff-digest:JKT:2026-03-04"],
            sent.Select(d => d.Headers["X-Ombudsman-Idempotency-Key"]).Order(StringComparer.Ordinal));
        Assert.All(sent, d => Assert.Contains(CaseEmailHost.StaffMailbox, d.Headers["To"], StringComparison.Ordinal));
        var tuesday = sent.Single(d => d.Headers["X-Ombudsman-Idempotency-Key"].EndsWith("2026-03-03", StringComparison.Ordinal)).Parts[0].Body;
        Assert.Contains("PGD-2026-000011", tuesday, StringComparison.Ordinal);
        Assert.Contains("UU 25/2009 art. 45(1)", tuesday, StringComparison.Ordinal);
        Assert.Contains("PGD-2026-000012", tuesday, StringComparison.Ordinal);
        Assert.Contains("UU 25/2009 art. 50(1)", tuesday, StringComparison.Ordinal);
        Assert.DoesNotContain("PGD-2026-000013", tuesday, StringComparison.Ordinal);

    }
}
