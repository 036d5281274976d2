using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Notifications;
using OpenDeadline = Ombudsman.Workflows.Notifications.OpenDeadline;

namespace Ombudsman.Workflows.Tests.Notifications.CaseEmail;

/// <summary>Requirement 6: each office gets its digest each morning at 07:00 office time, from a durable loop.</summary>
public sealed class StaffDigestScheduleTests
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
    public async Task Two_mornings_send_exactly_two_digests_with_the_overdue_and_due_within_3_days_deadlines_even_if_the_app_started_twice()
    {
        await using var host = CaseEmailHost.Create(
            register: r => r.AddCaseWorkflows().AddStaffDigest(),
            start: Start,
            services: s => s.AddSingleton<IOpenDeadlineSource>(new InMemoryOpenDeadlineSource(Overdue, DueSoon, Later)));
        var starter = host.Host.Services.GetServices<IHostedService>().OfType<StaffDigestStarter>().Single();

        await starter.StartAsync(CancellationToken.None);
        await starter.StartAsync(CancellationToken.None);
        await host.Host.RunAsync();
        Assert.Empty(host.Mail(TemplateIds.StaffDigest));

        await host.Host.AdvanceAsync(TimeSpan.FromDays(1));
        await host.Host.AdvanceAsync(TimeSpan.FromDays(1));

        var digests = host.Mail(TemplateIds.StaffDigest).OrderBy(m => m.Headers["Subject"], StringComparer.Ordinal).ToList();
        Assert.Equal(2, digests.Count);
        Assert.Equal(
            ["staff-digest:JKT:2026-03-03", "staff-digest:JKT:2026-03-04"],
            digests.Select(d => d.Headers["X-Ombudsman-Idempotency-Key"]).Order(StringComparer.Ordinal));
        Assert.All(digests, d => Assert.Contains(CaseEmailHost.StaffMailbox, d.Headers["To"], StringComparison.Ordinal));
        var tuesday = digests.Single(d => d.Headers["X-Ombudsman-Idempotency-Key"].EndsWith("2026-03-03", StringComparison.Ordinal)).Parts[0].Body;
        Assert.Contains("PGD-2026-000011", tuesday, StringComparison.Ordinal);
        Assert.Contains("UU 25/2009 art. 45(1)", tuesday, StringComparison.Ordinal);
        Assert.Contains("PGD-2026-000012", tuesday, StringComparison.Ordinal);
        Assert.Contains("UU 25/2009 art. 50(1)", tuesday, StringComparison.Ordinal);
        Assert.DoesNotContain("PGD-2026-000013", tuesday, StringComparison.Ordinal);

        var loop = await host.Host.StatusAsync(StaffDigestOrchestration.InstanceId("JKT"));
        Assert.Equal(OrchestrationStatus.Running, loop.Status);
        var timers = await host.Host.Client.ListDeadlinesAsync(new DeadlineQuery { DueFrom = Start, DueTo = Start.AddDays(30) });
        Assert.DoesNotContain(timers, t => t.InstanceId == StaffDigestOrchestration.InstanceId("JKT"));
    }
}
