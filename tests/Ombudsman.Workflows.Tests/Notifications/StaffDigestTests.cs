using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Tests.Notifications;

public sealed class StaffDigestTests : IDisposable
{
    // 06:30 WIB, 07:30 WITA, 08:30 WIT on Wednesday 25 November 2026.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 23, 30, 0, TimeSpan.Zero);

    private static readonly ConfiguredOffice Ntt = new()
    {
        OfficeId = "ntt",
        Name = "Ombudsman RI Perwakilan Nusa Tenggara Timur",
        TimeZone = OfficeTimeZone.Wita,
        StaffEmail = new EmailAddress("staf@ntt.ombudsman.test"),
        DashboardLink = "https://pengaduan.ombudsman.test/kantor/ntt/batas-waktu",
    };

    private static readonly ConfiguredOffice Jakarta = Ntt with
    {
        OfficeId = "jakarta",
        Name = "Ombudsman RI Perwakilan Jakarta Raya",
        TimeZone = OfficeTimeZone.Wib,
        StaffEmail = new EmailAddress("staf@jakarta.ombudsman.test"),
    };

    private readonly DirectoryInfo _pickup = Directory.CreateTempSubdirectory("digest-");

    public void Dispose() => _pickup.Delete(recursive: true);

    [Fact]
    public void The_digest_lists_overdue_and_due_within_3_days_in_due_order_and_leaves_out_later_and_other_offices()
    {
        var notification = StaffDigestBuilder.Build(Ntt,
        [
            Deadline("PGD-4", "P8", "UU 25/2009 art. 50(1)", Now.AddDays(3)),
            Deadline("PGD-5", "P6", "UU 25/2009 art. 45(2)-(3)", Now.AddDays(3).AddSeconds(1)),
            Deadline("PGD-2", "P5", "UU 25/2009 art. 45(1)", Now.AddHours(-1)),
            Deadline("PGD-1", "O10", "PO 58/2023 art. 54", Now.AddDays(-2).AddHours(-1)),
            Deadline("PGD-3", "P9", "UU 25/2009 art. 50(2)", Now.AddHours(5)),
            Deadline("PGD-9", "P5", "UU 25/2009 art. 45(1)", Now.AddHours(1)) with { OfficeId = "jakarta" },
        ], Now);

        Assert.Equal("staff-digest:ntt:2026-11-25", notification.IdempotencyKey);
        Assert.Equal(RecipientRole.Staff, notification.Role);
        Assert.Null(notification.CaseId);
        Assert.Equal("Rabu, 25 November 2026", notification.Fields["DigestDate"]);
        Assert.Equal("2", notification.Fields["OverdueCount"]);
        Assert.Equal(
            "PGD-1: Pemeriksaan, O10 PO 58/2023 art. 54, batas waktu 23 November 2026 pukul 06.30 WITA (terlambat 2 hari)\n" +
            "PGD-2: Pemeriksaan, P5 UU 25/2009 art. 45(1), batas waktu 25 November 2026 pukul 06.30 WITA",
            notification.Fields["OverdueList"]);
        Assert.Equal("2", notification.Fields["DueSoonCount"]);
        Assert.Equal(
            "PGD-3: Pemeriksaan, P9 UU 25/2009 art. 50(2), batas waktu 25 November 2026 pukul 12.30 WITA\n" +
            "PGD-4: Pemeriksaan, P8 UU 25/2009 art. 50(1), batas waktu 28 November 2026 pukul 07.30 WITA",
            notification.Fields["DueSoonList"]);
    }

    [Fact]
    public void The_digest_renders_in_English_with_every_deadline_and_its_citation()
    {
        var notification = StaffDigestBuilder.Build(Ntt with { Language = Language.English }, [Deadline("PGD-2", "P5", "UU 25/2009 art. 45(1)", Now.AddHours(-1))], Now);

        var email = TemplateModels.Catalog.Get(TemplateIds.StaffDigest, Language.English).Render(notification.Fields);

        Assert.Equal("Deadlines at Ombudsman RI Perwakilan Nusa Tenggara Timur, Wednesday, 25 November 2026: 1 overdue, 0 due within 3 days", email.Subject);
        Assert.Contains("- PGD-2: Pemeriksaan, P5 UU 25/2009 art. 45(1), due 25 November 2026, 06:30 WITA\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Due within 3 days (0):\n\n- none\n", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WIB", "2026-11-25T00:00:00Z")]
    [InlineData("WITA", "2026-11-25T23:00:00Z")]
    [InlineData("WIT", "2026-11-25T22:00:00Z")]
    public void The_next_digest_run_is_the_next_07_00_in_the_office_time_zone(string zone, string expectedUtc)
    {
        var next = DigestSchedule.NextRun(OfficeTimeZone.FromCode(zone), Now);

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void At_exactly_07_00_the_next_run_is_tomorrow()
    {
        var sevenWib = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(sevenWib.AddDays(1), DigestSchedule.NextRun(OfficeTimeZone.Wib, sevenWib));
        Assert.True(DigestSchedule.IsDue(OfficeTimeZone.Wib, sevenWib));
        Assert.False(DigestSchedule.IsDue(OfficeTimeZone.Wib, sevenWib.AddTicks(-1)));
    }

    [Fact]
    public async Task Each_office_gets_its_digest_once_on_the_morning_it_is_due_and_again_the_next_day()
    {
        var clock = new FakeTimeProvider(Now);
        var source = new InMemoryOpenDeadlineSource(
            Deadline("PGD-2", "P5", "UU 25/2009 art. 45(1)", Now.AddHours(-1)),
            Deadline("PGD-9", "P5", "UU 25/2009 art. 45(1)", Now.AddHours(2)) with { OfficeId = "jakarta" });
        var service = Service(source, clock);

        var first = await service.SendDueAsync([Ntt, Jakarta], CancellationToken.None);
        var again = await service.SendDueAsync([Ntt, Jakarta], CancellationToken.None);
        var nttFiles = _pickup.GetFiles().Length;
        clock.Advance(TimeSpan.FromHours(1));
        var jakartaMorning = await service.SendDueAsync([Ntt, Jakarta], CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await service.SendDueAsync([Ntt, Jakarta], CancellationToken.None);

        Assert.Equal(["ntt"], first.Keys);
        Assert.IsType<DeliveryResult.Delivered>(first["ntt"]);
        Assert.IsType<DeliveryResult.AlreadySent>(again["ntt"]);
        Assert.Equal(1, nttFiles);
        Assert.IsType<DeliveryResult.AlreadySent>(jakartaMorning["ntt"]);
        Assert.IsType<DeliveryResult.Delivered>(jakartaMorning["jakarta"]);
        Assert.IsType<DeliveryResult.Delivered>(nextDay["ntt"]);
        Assert.IsType<DeliveryResult.Delivered>(nextDay["jakarta"]);
        Assert.Equal(4, _pickup.GetFiles().Length);
    }

    private StaffDigestService Service(IOpenDeadlineSource source, FakeTimeProvider clock)
    {
        var options = new EmailOptions { PickupDirectory = _pickup.FullName };
        var sender = new NotificationSender(
            TemplateModels.Catalog, new PickupDirectoryTransport(options, clock), new InMemorySendRecordStore(), options, clock, NullLogger<NotificationSender>.Instance);
        return new StaffDigestService(source, sender, clock);
    }

    private static OpenDeadline Deadline(string caseId, string rule, string citation, DateTimeOffset due) => new()
    {
        OfficeId = "ntt",
        CaseId = caseId,
        RuleId = rule,
        Citation = citation,
        DueAt = due,
        Stage = "Pemeriksaan",
    };
}
