using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Pages;
using Ombudsman.Testing;
using Ombudsman.Web;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// The cure window (P6, UU 25/2009 art. 45(2)-(3)) counts from the complainant's receipt of the incomplete-file notice.
/// When the email does not arrive, the complainant's page and the console's case page say the period waits for
/// confirmation of receipt and the notice is on the undelivered-mail page; staff record it delivered by letter on a date
/// (a date still to come is refused next to the field, the value kept), and the period counts from that date, as both
/// pages then explain.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoticeReceiptPageTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    [Fact]
    public async Task An_undelivered_incomplete_file_notice_waits_on_both_pages_until_staff_record_it_delivered_by_letter_on_a_date()
    {
        var notifier = new FirstComplainantMailFails();
        await using var app = await TestApp.StartAsync(
            azurite, ["Clock:Mode=Manual", $"Clock:Start={PublicApi.Start:O}"], configureServices: s => s.AddSingleton<ICaseNotifier>(notifier));
        var filed = await PublicApi.FileAsync(app, PublicApi.Filing());
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await PublicApi.StaffAsync(app, filed.CaseId, CaseEvents.FileIncomplete, new CaseAction { Actor = PublicApi.OfficeStaff, MissingItems = ["fotokopi KTP"] });
        var waiting = await ConsoleCases.UntilAsync(app, filed.CaseId, s => s.AwaitingReceipt.Count == 1);
        var key = waiting.AwaitingReceipt[0].NotificationKey;
        Assert.Empty(waiting.OpenDeadlines);
        Assert.Contains(key, waiting.NotDeliveredNotifications);

        // The complainant's page: the period waits; the file can still be completed.
        await using var complainant = await BrowserSession.OpenAsync(chromium, app);
        var mine = complainant.Page;
        await mine.GotoAsync($"{Routes.Case(filed.CaseId)}?token={filed.Token}");
        await Assertions.Expect(mine.Locator("#awaiting-receipt")).ToContainTextAsync("belum berjalan: menunggu konfirmasi bahwa pemberitahuan telah diterima");
        await Assertions.Expect(mine.Locator("#cure-heading")).ToHaveCountAsync(1);
        await PageChecks.CheckAsync(mine, "receipt-case-awaiting");

        await using var staff = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = staff.Page;
        await page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        await Assertions.Expect(page.Locator("#awaiting-receipt")).ToContainTextAsync("belum berjalan: pemberitahuan belum sampai");
        await PageChecks.CheckAsync(page, "staff-receipt-case-awaiting");

        // A week later the office learns the letter it sent reached the complainant on 5 March.
        ConsoleCases.MoveClock(app, PublicApi.Start.AddDays(7));
        await page.GotoAsync(ConsoleRoutes.Mail);
        var row = page.Locator($"section.console-mail:has(input[value='{key}'])");
        await Assertions.Expect(row.Locator("p.notice")).ToContainTextAsync("Jangka waktu P6 (UU 25/2009 pasal 45(2)-(3)) baru berjalan setelah pemberitahuan ini diterima.");
        await row.GetByLabel("Surat").CheckAsync();
        await row.GetByLabel("Tanggal diterima").FillAsync("2026-03-20");
        await row.GetByRole(AriaRole.Button, new() { Name = "Catat" }).ClickAsync();
        row = page.Locator($"section.console-mail:has(input[value='{key}'])");
        await Assertions.Expect(row.Locator("p.error")).ToContainTextAsync("tidak sebelum pemberitahuan dikirim dan tidak setelah hari ini");
        Assert.Equal("2026-03-20", await row.GetByLabel("Tanggal diterima").InputValueAsync());
        await PageChecks.CheckAsync(page, "staff-receipt-mail-date-refused");
        Assert.Single((await ConsoleCases.UntilAsync(app, filed.CaseId, _ => true)).AwaitingReceipt);

        await row.GetByLabel("Surat").CheckAsync();
        await row.GetByLabel("Tanggal diterima").FillAsync("2026-03-05");
        await row.GetByRole(AriaRole.Button, new() { Name = "Catat" }).ClickAsync();
        Assert.Contains("Dicatat pada perkara", await page.InnerTextAsync("p.notice"), StringComparison.Ordinal);

        var started = await ConsoleCases.UntilAsync(app, filed.CaseId, s => s.OpenDeadlines.Count == 1);
        Assert.Empty(started.AwaitingReceipt);
        var cure = started.OpenDeadlines[0];
        Assert.Equal(("P6", new DateOnly(2026, 4, 4)), (cure.RuleId, cure.DueDate));
        Assert.Equal(new NoticeReceipt { On = new DateOnly(2026, 3, 5), Means = "letter" }, cure.CountedFromReceipt);

        await page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        await Assertions.Expect(page.Locator("#awaiting-receipt")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Dihitung sejak pemberitahuan diterima pada Kamis, 5 Maret 2026 (melalui surat).");
        await PageChecks.CheckAsync(page, "staff-receipt-case-started");

        await mine.ReloadAsync();
        await Assertions.Expect(mine.Locator("#awaiting-receipt")).ToHaveCountAsync(0);
        await Assertions.Expect(mine.Locator("main")).ToContainTextAsync("Dihitung sejak pemberitahuan diterima pada Kamis, 5 Maret 2026 (melalui surat).");
        await Assertions.Expect(mine.Locator("main")).ToContainTextAsync("Pemberitahuan diterima pada Kamis, 5 Maret 2026 (melalui surat); jangka waktu mulai dihitung.");
        await PageChecks.CheckAsync(mine, "receipt-case-started");
    }
}
