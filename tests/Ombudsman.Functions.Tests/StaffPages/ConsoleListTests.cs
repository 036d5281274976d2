using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Pages;
using Ombudsman.Testing;
using Ombudsman.Web;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// The console's lists in the browser: my office today, the case list with its filters, pages and CSV, and undelivered
/// mail with its two actions. Every list shows the signed-in member's office only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleListTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    /// <summary>Monday 2 March 2026, 08.00 WIB.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static readonly OfficeTimeZone Wib = OfficeTimeZone.Wib;

    [Fact]
    public async Task Today_shows_an_overdue_and_a_due_soon_deadline_with_their_days_what_waits_for_my_role_and_new_filings_of_my_office_only()
    {
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}"]);
        var late = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        var elsewhere = await ConsoleCases.FileAsync(app, ConsoleCases.Bali);
        var lateDay = late.OpenDeadlines.Single().DueDate;

        // The completeness answer (P5) passes with the file still unchecked: the case records it overdue.
        ConsoleCases.MoveClock(app, Wib.StartOf(lateDay.AddDays(2)).AddHours(2));
        late = await ConsoleCases.UntilAsync(app, late.CaseId, s => s.OverdueDeadlines.Count > 0);
        var fresh = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        var freshDay = fresh.OpenDeadlines.Single().DueDate;
        var now = Wib.StartOf(freshDay.AddDays(-2)).AddHours(3);
        ConsoleCases.MoveClock(app, now);
        var brandNew = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        var overdueDays = Wib.DateOf(now).DayNumber - lateDay.DayNumber;

        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = browser.Page;
        await page.GotoAsync(ConsoleRoutes.Today);

        var overdue = await Section(page, "overdue");
        Assert.Contains(Receipt(late), overdue, StringComparison.Ordinal);
        Assert.Contains($"Lewat {overdueDays} hari", overdue, StringComparison.Ordinal);
        Assert.Contains($"{lateDay.Day} Maret 2026 pukul 23.59 WIB (P5)", overdue, StringComparison.Ordinal);
        Assert.Contains("Kantor Ombudsman", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain(Receipt(fresh), overdue, StringComparison.Ordinal);

        var dueSoon = await Section(page, "due-soon");
        Assert.Contains(Receipt(fresh), dueSoon, StringComparison.Ordinal);
        Assert.Contains("2 hari lagi", dueSoon, StringComparison.Ordinal);
        Assert.DoesNotContain(Receipt(late), dueSoon, StringComparison.Ordinal);

        Assert.DoesNotContain(Receipt(brandNew), dueSoon, StringComparison.Ordinal);

        // Every file waits for the intake officer's completeness decision; only the one filed this week is new.
        var waiting = await Section(page, "waiting");
        Assert.Contains(Receipt(late), waiting, StringComparison.Ordinal);
        Assert.Contains(Receipt(fresh), waiting, StringComparison.Ordinal);
        Assert.Contains(Receipt(brandNew), waiting, StringComparison.Ordinal);
        var newFilings = await Section(page, "new-filings");
        Assert.Contains(Receipt(brandNew), newFilings, StringComparison.Ordinal);
        Assert.Contains("14 hari lagi", newFilings, StringComparison.Ordinal);
        Assert.DoesNotContain(Receipt(fresh), newFilings, StringComparison.Ordinal);
        Assert.DoesNotContain(Receipt(late), newFilings, StringComparison.Ordinal);

        Assert.DoesNotContain(Receipt(elsewhere), await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ConsoleRoutes.Case(fresh.CaseId), await page.Locator("#due-soon ~ div a").First.GetAttributeAsync("href"));
        await PageChecks.CheckAsync(page, "staff-today");

        // An adjudicator has no step in a completeness check; in English the days read in English.
        await using var adjudicator = await StaffBrowser.SignedInAsync(chromium, app, "jkt-adjudicator");
        await adjudicator.Page.GotoAsync(ConsoleRoutes.Today + "?lang=en");
        Assert.DoesNotContain(Receipt(fresh), await Section(adjudicator.Page, "waiting"), StringComparison.Ordinal);
        Assert.Contains($"{overdueDays} days overdue", await Section(adjudicator.Page, "overdue"), StringComparison.Ordinal);
        await PageChecks.CheckAsync(adjudicator.Page, "staff-today-adjudicator-en");
    }

    [Fact]
    public async Task Today_shows_the_most_urgent_rows_of_a_long_section_with_its_total_and_a_link_to_all_of_them_in_the_case_list()
    {
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}", "StaffConsole:TodayRowsPerSection=2"]);
        var first = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        ConsoleCases.MoveClock(app, Start.AddDays(1));
        var second = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        ConsoleCases.MoveClock(app, Start.AddDays(2));
        var third = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        var withdrawn = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        await app.Service<CaseCommands>().SubmitAsync(withdrawn.CaseId, CaseEvents.Withdraw, new CaseAction
        {
            Actor = new CaseActor { Role = CaseRole.Staff, Id = "jkt-intake", Name = "Sari (JKT)" },
            Note = "Pelapor mencabut laporan di loket.",
        });
        await ConsoleCases.UntilAsync(app, withdrawn.CaseId, s => s.Stage == CaseStage.Closed);

        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = browser.Page;
        await page.GotoAsync(ConsoleRoutes.Today);

        // Three files wait for the intake officer: the two whose answer is due first are shown, with the total.
        var waiting = page.Locator("section[aria-labelledby='waiting']");
        Assert.Contains("(3)", await waiting.Locator("h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal([Receipt(first), Receipt(second)], await waiting.Locator("table tbody th a").AllInnerTextsAsync());
        Assert.Equal("Menampilkan 2 dari 3 perkara. Lihat semuanya", (await waiting.Locator("p.console-more").InnerTextAsync()).Trim());
        Assert.Equal(["Kantor saya hari ini"], await page.Locator("h1").AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("section[aria-labelledby='overdue'] p.console-more").CountAsync());
        await PageChecks.CheckAsync(page, "staff-today-more");

        await waiting.Locator("p.console-more a").ClickAsync();
        Assert.Contains("waiting=me", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal([Receipt(first), Receipt(second), Receipt(third)], await Receipts(page));
        Assert.True(await page.IsCheckedAsync("#waiting"));

        // New filings of the last seven days, newest first; the withdrawn one is closed and so not new any more.
        await page.GotoAsync(ConsoleRoutes.Today);
        await page.Locator("section[aria-labelledby='new-filings'] p.console-more a").ClickAsync();
        Assert.Contains("receivedFrom=", page.Url, StringComparison.Ordinal);
        Assert.Equal([Receipt(first), Receipt(second), Receipt(third)], await Receipts(page));
        await page.GotoAsync(ConsoleRoutes.Cases + "?receivedFrom=" + Wib.DateOf(Start.AddDays(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([Receipt(second), Receipt(third)], await Receipts(page));

        // The list holds open cases unless asked for every stage, or for closed ones.
        await page.GotoAsync(ConsoleRoutes.Cases + "?sort=age");
        Assert.DoesNotContain(Receipt(withdrawn), await Receipts(page));
        await page.GotoAsync(ConsoleRoutes.Cases + "?sort=age&stage=all");
        Assert.Contains(Receipt(withdrawn), await Receipts(page));
        Assert.Equal("all", await page.InputValueAsync("#stage"));
        await page.GotoAsync(ConsoleRoutes.Cases + "?stage=Closed");
        Assert.Equal([Receipt(withdrawn)], await Receipts(page));

        var bad = await page.GotoAsync(ConsoleRoutes.Cases + "?receivedFrom=kemarin");
        Assert.Equal((int)HttpStatusCode.BadRequest, bad!.Status);
        Assert.Equal("Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-04-15.", await page.InnerTextAsync("#receivedFrom-error"));
        await PageChecks.CheckAsync(page, "staff-cases-received-from-refused");
    }

    [Fact]
    public async Task The_case_list_filters_sorts_and_pages_keeps_bad_filters_with_an_error_and_downloads_the_same_list_as_CSV()
    {
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}", "StaffConsole:CasesPerPage=2"]);
        var civil = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta, "Dinas Kependudukan, \"Capil\" Bekasi", IntakeChannel.WalkIn);
        ConsoleCases.MoveClock(app, Start.AddDays(1));
        var land1 = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        ConsoleCases.MoveClock(app, Start.AddDays(2));
        var land2 = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        var elsewhere = await ConsoleCases.FileAsync(app, ConsoleCases.Bali);

        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-head");
        var page = browser.Page;
        await page.GotoAsync(ConsoleRoutes.Cases);
        Assert.Contains("3 perkara, halaman 1 dari 2", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal([Receipt(civil), Receipt(land1)], await Receipts(page));
        await PageChecks.CheckAsync(page, "staff-cases-page-1");
        await page.ClickAsync("a[rel=next]");
        Assert.Equal([Receipt(land2)], await Receipts(page));
        await PageChecks.CheckAsync(page, "staff-cases-page-2");

        // The form is a plain GET: the filters land in the address, the pages keep them.
        await page.GotoAsync(ConsoleRoutes.Cases);
        await page.FillAsync("#provider", "pertanahan");
        await page.SelectOptionAsync("#sort", "age");
        await page.ClickAsync("form.console-filters button[type=submit]");
        Assert.Contains("provider=pertanahan", page.Url, StringComparison.Ordinal);
        Assert.Equal([Receipt(land1), Receipt(land2)], await Receipts(page));
        Assert.Equal("pertanahan", await page.InputValueAsync("#provider"));
        Assert.Contains("provider=pertanahan", await page.GetAttributeAsync("a[download]", "href"), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "staff-cases-filtered");

        await page.GotoAsync(ConsoleRoutes.Cases + "?channel=WalkIn");
        Assert.Equal([Receipt(civil)], await Receipts(page));
        await page.GotoAsync(ConsoleRoutes.Cases + "?receipt=" + Receipt(land2)[^6..].ToLowerInvariant());
        Assert.Equal([Receipt(land2)], await Receipts(page));
        await page.GotoAsync(ConsoleRoutes.Cases + "?dueBefore=" + civil.OpenDeadlines.Single().DueDate.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([Receipt(civil)], await Receipts(page));
        await page.GotoAsync(ConsoleRoutes.Cases + "?overdue=true");
        Assert.Empty(await Receipts(page));
        await page.GotoAsync(ConsoleRoutes.Cases + "?stage=CureWindow");
        Assert.Empty(await Receipts(page));

        var bad = await page.GotoAsync(ConsoleRoutes.Cases + "?stage=Nowhere&dueBefore=2026-02-30&provider=dinas");
        Assert.Equal((int)HttpStatusCode.BadRequest, bad!.Status);
        Assert.Equal("Pilih tahap dari daftar.", await page.InnerTextAsync("#stage-error"));
        Assert.Equal("Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-04-15.", await page.InnerTextAsync("#dueBefore-error"));
        Assert.Equal("2026-02-30", await page.InputValueAsync("#dueBefore"));
        Assert.Equal("dinas", await page.InputValueAsync("#provider"));
        await PageChecks.CheckAsync(page, "staff-cases-bad-filters");

        using var http = ConsoleCases.SignedInClient(app, "jkt-head");
        using var all = await http.GetAsync(new Uri(ConsoleRoutes.CasesCsv + "?sort=age", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("text/csv", all.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", all.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await all.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Nomor tanda terima,Tahap,Jalur,Saluran,Penyelenggara,Diterima,Ketentuan,Hari terakhir (TTTT-BB-HH),Sisa hari,Lewat batas waktu,Ditugaskan kepada", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Equal("", lines[4]);
        Assert.StartsWith(Receipt(civil) + ",Pemeriksaan kelengkapan berkas,Pengaduan ke penyelenggara,Datang langsung,\"Dinas Kependudukan, \"\"Capil\"\" Bekasi\",2026-03-02,P5,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(Receipt(land1) + ",", lines[2], StringComparison.Ordinal);
        Assert.StartsWith(Receipt(land2) + ",", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",tidak,", lines[3], StringComparison.Ordinal); // overdue: no; assigned to nobody
        Assert.DoesNotContain(Receipt(elsewhere), Encoding.UTF8.GetString(bytes), StringComparison.OrdinalIgnoreCase);

        using var filtered = await http.GetAsync(new Uri(ConsoleRoutes.CasesCsv + "?provider=pertanahan", UriKind.Relative));
        Assert.Equal(4, (await filtered.Content.ReadAsStringAsync()).Split("\r\n").Length); // the header, two cases and the last line break

        // Another office's head sees only theirs.
        using var bali = ConsoleCases.SignedInClient(app, "bal-head");
        var baliCsv = await bali.GetStringAsync(new Uri(ConsoleRoutes.CasesCsv, UriKind.Relative));
        Assert.Contains(Receipt(elsewhere), baliCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(Receipt(civil), baliCsv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undelivered_mail_is_resent_once_under_its_own_key_or_recorded_as_delivered_by_phone_on_the_case()
    {
        var notifier = new FirstComplainantMailFails();
        await using var app = await TestApp.StartAsync(
            azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}"], configureServices: s => s.AddSingleton<ICaseNotifier>(notifier));
        var resent = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        var phoned = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        var elsewhere = await ConsoleCases.FileAsync(app, ConsoleCases.Bali);
        resent = await ConsoleCases.UntilAsync(app, resent.CaseId, s => s.NotDeliveredNotifications.Count > 0);
        phoned = await ConsoleCases.UntilAsync(app, phoned.CaseId, s => s.NotDeliveredNotifications.Count > 0);
        await ConsoleCases.UntilAsync(app, elsewhere.CaseId, s => s.NotDeliveredNotifications.Count > 0);
        var resendKey = resent.NotDeliveredNotifications[0];
        var phonedKey = phoned.NotDeliveredNotifications[0];

        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = browser.Page;
        await page.GotoAsync(ConsoleRoutes.Today);
        var mail = await Section(page, "mail");
        Assert.Contains(Receipt(resent), mail, StringComparison.Ordinal);
        Assert.Contains(Receipt(phoned), mail, StringComparison.Ordinal);

        await page.GotoAsync(ConsoleRoutes.Mail);
        Assert.Equal(resent.NotDeliveredNotifications.Count + phoned.NotDeliveredNotifications.Count, await page.Locator("section.console-mail").CountAsync());
        Assert.DoesNotContain(Receipt(elsewhere), await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await PageChecks.CheckAsync(page, "staff-mail");

        var row = page.Locator($"section.console-mail:has(input[value='{resendKey}'])");
        var form = new Dictionary<string, string>
        {
            [PageContext.FormTokenField] = await row.Locator($"input[name='{PageContext.FormTokenField}']").First.InputValueAsync(),
            ["case"] = resent.CaseId,
            ["notification"] = resendKey,
        };
        await row.GetByRole(AriaRole.Button, new() { Name = "Kirim ulang" }).ClickAsync();
        Assert.Contains($"Pemberitahuan perkara {Receipt(resent)} sudah dikirim ulang.", await page.InnerTextAsync("p.notice"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"input[value='{resendKey}']").CountAsync());
        await PageChecks.CheckAsync(page, "staff-mail-resent");

        // The same form posted again (a double click) finds the notification dealt with and sends nothing more.
        var again = await page.Context.APIRequest.PostAsync(ConsoleRoutes.MailResend, new() { Form = FormOf(page, form), MaxRedirects = 0 });
        Assert.Equal(303, again.Status);
        Assert.Contains("notice=gone", again.Headers["location"], StringComparison.Ordinal);
        var original = Assert.Single(notifier.Sent, n => n.IdempotencyKey == resendKey);
        var resend = Assert.Single(notifier.Sent, n => n.IdempotencyKey.StartsWith(resendKey + ":resend-", StringComparison.Ordinal));
        Assert.Equal(original.TemplateId, resend.TemplateId);
        Assert.Equal(original.Recipient, resend.Recipient);
        Assert.DoesNotContain(resendKey, (await ConsoleCases.UntilAsync(app, resent.CaseId, _ => true)).NotDeliveredNotifications);

        // Delivered by other means: how must be chosen; then it is recorded on the case and leaves the list.
        var other = page.Locator($"section.console-mail:has(input[value='{phonedKey}'])");
        await other.GetByRole(AriaRole.Button, new() { Name = "Catat" }).ClickAsync();
        Assert.Contains("Pilih bagaimana pemberitahuan disampaikan.", await page.Locator($"section.console-mail:has(input[value='{phonedKey}']) p.error").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "staff-mail-means-missing");
        other = page.Locator($"section.console-mail:has(input[value='{phonedKey}'])");
        await other.GetByLabel("Telepon").CheckAsync();
        await other.GetByLabel("Keterangan (tidak wajib)").FillAsync("Pelapor dihubungi di nomor yang tercatat.");
        await other.GetByRole(AriaRole.Button, new() { Name = "Catat" }).ClickAsync();
        Assert.Contains($"Dicatat pada perkara {Receipt(phoned)}", await page.InnerTextAsync("p.notice"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"input[value='{phonedKey}']").CountAsync());
        await PageChecks.CheckAsync(page, "staff-mail-recorded");

        var view = await app.Service<CaseReadModel>().GetAsync(phoned.CaseId);
        var entry = Assert.Single(view!.Status.Timeline, e => e.Event == CaseEvents.NotificationDeliveredOtherwise);
        Assert.Contains("delivered by phone: Pelapor dihubungi di nomor yang tercatat.", entry.What, StringComparison.Ordinal);
        Assert.Equal(TimelineVisibility.Staff, entry.Visibility);
        Assert.DoesNotContain(phonedKey, view.Status.NotDeliveredNotifications);
        Assert.DoesNotContain(notifier.Sent, n => n.IdempotencyKey.StartsWith(phonedKey + ":", StringComparison.Ordinal));
    }

    private static string Receipt(CaseStatus status) => status.CaseId.ToUpperInvariant();

    private static Task<string> Section(IPage page, string id) => page.Locator($"section[aria-labelledby='{id}']").InnerTextAsync();

    private static async Task<string[]> Receipts(IPage page) => [.. await page.Locator("table tbody th a").AllInnerTextsAsync()];

    private static IFormData FormOf(IPage page, Dictionary<string, string> fields)
    {
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}
