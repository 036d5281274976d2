using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Tests.Notifications.CaseEmail;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// Statute:ProvisionalYears (on by default): a working-day deadline reaching 2027, for which no holiday decree is
/// shipped or published, is counted with weekends and the fixed-date holidays instead of waiting, and is marked
/// provisional on the case and in the emails that state it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProvisionalDeadlineTests(AzuriteFixture azurite)
{
    /// <summary>Monday 21 December 2026, 09:00 WIB: 14 working days (O4) end in January 2027.</summary>
    private static readonly DateTimeOffset LateDecember = new(2026, 12, 21, 2, 0, 0, TimeSpan.Zero);

    [Fact] // O4, 14 working days: 6 in December 2026, then 2027 without 1 January
    public async Task A_deadline_reaching_a_year_without_a_decree_is_computed_provisionally_and_marked_on_the_case()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite, clock: new FakeTimeProvider(LateDecember));
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 12, 1)).Build());

        var status = await host.StatusAsync(id);

        var deadline = Assert.Single(status.OpenDeadlines);
        Assert.Equal("O4", deadline.RuleId);
        Assert.Equal(new DateOnly(2027, 1, 13), deadline.DueDate);
        Assert.True(deadline.Provisional);
        Assert.Equal([2027], deadline.ProvisionalYears);
        Assert.Contains("calendar 2027 provisional", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("calendar 2026 v0 (data file holidays/2026.json)", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains(status.Timeline, e => e.Kind == TimelineKind.Deadline && e.What.Contains("calendar 2027 provisional", StringComparison.Ordinal));
        Assert.Empty(host.Notifier.Templates(NotificationRecipient.Staff));
    }

    [Fact]
    public async Task A_deadline_within_decreed_years_is_not_provisional()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 2, 1)).Build());

        var deadline = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);

        Assert.False(deadline.Provisional);
        Assert.Empty(deadline.ProvisionalYears);
    }

    [Fact] // The staff notice of the passed O4 deadline, from a real case, states its last day with the provisional note
    public async Task An_email_stating_a_provisional_deadline_says_so_right_after_the_date()
    {
        await using var host = await CaseEmailHost.CreateAsync(azurite, start: LateDecember);
        await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 12, 1)).Build(), "PGD-2026-000101");

        await host.Host.AdvanceAsync(new DateTimeOffset(2027, 1, 14, 9, 0, 0, TimeSpan.FromHours(7)) - LateDecember);

        var notice = Assert.Single(host.Mail(TemplateIds.StaffEscalation)).Parts[0].Body;
        Assert.Contains(
            "13 Januari 2027 pukul 23.59 WIB (sementara: keputusan bersama tentang hari libur nasional dan cuti bersama 2027 belum terbit, sehingga tanggal ini dapat berubah) (",
            notice,
            StringComparison.Ordinal);
    }

    [Theory] // The note in both languages, for a deadline notice to the complainant; none when the deadline is not provisional
    [InlineData("en", "2027", "complete your file by 13 January 2027, 23:59 WIB (provisional: the 2027 decree on national holidays and collective leave is not published yet, so this date may change) (")]
    [InlineData("id", "2027", "paling lambat 13 Januari 2027 pukul 23.59 WIB (sementara: keputusan bersama tentang hari libur nasional dan cuti bersama 2027 belum terbit, sehingga tanggal ini dapat berubah) (")]
    [InlineData("en", null, "complete your file by 13 January 2027, 23:59 WIB (UU")]
    public void A_deadline_notice_carries_the_provisional_note_only_for_a_provisional_deadline(string language, string? provisionalYears, string expected)
    {
        var complaint = new ComplaintBuilder().Build();
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caseId"] = "PGD-2026-000103",
            ["stage"] = nameof(CaseStage.CureWindow),
            ["missingItems"] = "signature",
            ["deadline"] = "2027-01-13",
            ["citation"] = "UU 25/2009 art. 45(2)-(3)",
        };
        if (provisionalYears is not null)
        {
            data["provisionalYears"] = provisionalYears;
        }

        var notification = new CaseNotification
        {
            TemplateId = NotificationTemplates.FileIncomplete,
            Recipient = NotificationRecipient.Complainant,
            CaseId = "PGD-2026-000103",
            Office = complaint.Office.Code,
            Language = language,
            IdempotencyKey = "PGD-2026-000103:cure:file-incomplete:Complainant",
            Data = data,
        };
        var template = new TemplateCatalog().Get(CaseEmailTemplates.For(notification.TemplateId, notification.Recipient), LanguageCodes.FromCode(language));
        var fields = new CaseEmailFields(CaseEmailOptions.FromConfiguration(new ConfigurationBuilder().Build()), new FakeTimeProvider(LateDecember), Ombudsman.Workflows.Tests.Statute.StatuteFixtures.Catalog);

        var email = template.Render(fields.Build(template, notification, complaint, complaint.Office.Name, complaint.Office.TimeZone));

        Assert.Contains(expected, email.TextBody, StringComparison.Ordinal);
    }
}
