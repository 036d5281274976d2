using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>Without a SendGrid key, mail becomes .eml files a person can open.</summary>
public sealed class PickupDirectoryTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 1, 2, 3, TimeSpan.Zero));
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pickup-");
    private readonly InMemorySendRecordStore _records = new();

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task A_notification_becomes_an_eml_file_with_standard_headers_and_text_and_html_parts()
    {
        var notification = TestNotifications.FileIncomplete();
        var expected = TemplateModels.Catalog.Get(notification.TemplateId, notification.Language).Render(notification.Fields);

        var result = await Sender().SendAsync(notification, CancellationToken.None);

        var file = Assert.Single(_directory.GetFiles());
        Assert.Equal(".eml", file.Extension);
        Assert.Equal(new DeliveryResult.Delivered(file.Name), result);
        var eml = EmlMessage.Parse(await File.ReadAllTextAsync(file.FullName));
        Assert.Equal("\"Ombudsman Republik Indonesia\" <noreply@ombudsman.invalid>", eml.Headers["From"]);
        Assert.Equal("\"Siti Rahayu\" <siti.rahayu@example.test>", eml.Headers["To"]);
        Assert.Equal(expected.Subject, eml.Headers["Subject"]);
        Assert.Equal("Wed, 25 Nov 2026 01:02:03 +0000", eml.Headers["Date"]);
        Assert.Matches("^<[0-9a-f]{32}@ombudsman.invalid>$", eml.Headers["Message-ID"]);
        Assert.Equal("1.0", eml.Headers["MIME-Version"]);
        Assert.Equal("case-42-workflow:7", eml.Headers["X-Ombudsman-Idempotency-Key"]);
        Assert.Equal("PGD-2026-000042", eml.Headers["X-Ombudsman-Case-Id"]);
        Assert.Equal(2, eml.Parts.Count);
        Assert.Equal(("text/plain; charset=utf-8", expected.TextBody), eml.Parts[0]);
        Assert.Equal(("text/html; charset=utf-8", expected.HtmlBody), eml.Parts[1]);
    }

    [Fact]
    public async Task Non_ascii_subjects_and_names_are_encoded_words_that_decode_back()
    {
        var notification = TestNotifications.FileIncomplete() with
        {
            To = new EmailAddress("nyoman@example.test", "Ni Nyoman Ayu Widyasari Pradnyaparamitha — Pelapor ✓"),
            Fields = new Dictionary<string, string>(TestNotifications.FileIncomplete().Fields) { ["CaseNumber"] = "PGD-2026-000042 — «Dinas Pekerjaan Umum dan Penataan Ruang»" },
        };

        await Sender().SendAsync(notification, CancellationToken.None);

        var raw = await File.ReadAllTextAsync(Assert.Single(_directory.GetFiles()).FullName);
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.Length <= 998 && line.All(c => c < 128), $"not a 7-bit header/body line: {line}"));
        var eml = EmlMessage.Parse(raw);
        Assert.Equal("Berkas pengaduan PGD-2026-000042 — «Dinas Pekerjaan Umum dan Penataan Ruang» belum lengkap", eml.Headers["Subject"]);
        Assert.Equal("Ni Nyoman Ayu Widyasari Pradnyaparamitha — Pelapor ✓ <nyoman@example.test>", eml.Headers["To"]);
    }

    [Fact]
    public async Task A_retry_of_the_same_notification_writes_no_second_file()
    {
        var sender = Sender();
        await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        var again = await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);
        await sender.SendAsync(TestNotifications.FileIncomplete(key: "case-42-workflow:8"), CancellationToken.None);

        Assert.IsType<DeliveryResult.AlreadySent>(again);
        Assert.Equal(2, _directory.GetFiles().Length);
    }

    [Fact]
    public async Task Even_with_its_send_record_lost_a_notification_finds_its_file_instead_of_writing_another()
    {
        await Sender().SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);
        var written = Assert.Single(_directory.GetFiles());
        var before = await File.ReadAllTextAsync(written.FullName);
        _clock.Advance(TimeSpan.FromHours(1));

        var result = await Sender(new InMemorySendRecordStore()).SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        Assert.Equal(new DeliveryResult.Delivered(written.Name), result);
        Assert.Equal(before, await File.ReadAllTextAsync(Assert.Single(_directory.GetFiles()).FullName));
    }

    private NotificationSender Sender(ISendRecordStore? records = null)
    {
        var options = new EmailOptions { PickupDirectory = _directory.FullName };
        return new NotificationSender(
            TemplateModels.Catalog, new PickupDirectoryTransport(options, _clock), records ?? _records, options, _clock, NullLogger<NotificationSender>.Instance);
    }
}
