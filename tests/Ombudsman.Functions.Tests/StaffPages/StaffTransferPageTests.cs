using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Pages;
using Ombudsman.Testing;
using Ombudsman.Web;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// The head of office hands a report to another office from the console's case page (PO 58/2023 art. 17): the form
/// asks for the receiving office and the reason (next to the fields when missing); after it, the page says where the
/// case went, the sending office's case page is the not-found page, the receiving office's head opens the case, and
/// the complainant and both offices are emailed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StaffTransferPageTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    [Fact]
    public async Task The_head_of_office_transfers_a_report_to_Papua_from_the_case_page_and_loses_access()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var caseId = "jkt-" + Guid.NewGuid().ToString("N")[..10];
        var today = DateOnly.FromDateTime(app.Service<TimeProvider>().GetUtcNow().UtcDateTime);
        await app.Service<CaseCommands>().FileAsync(caseId, new Complaint
        {
            Path = ComplaintPath.Ombudsman,
            Office = ConsoleCases.Jakarta,
            Complainant = new Complainant { Name = "Siti Rahayu", Email = "siti@example.test" },
            Provider = new Provider { Name = "Dinas Perhubungan Kota Jayapura", Kind = ProviderKind.GovernmentUnit },
            Description = "Izin trayek tidak diterbitkan.",
            RemedyAsked = "Terbitkan izin trayek.",
            EventOn = today.AddDays(-60),
            PriorComplaint = new PriorComplaint { FiledOn = today.AddDays(-40), Outcome = "Tidak dijawab." },
        });
        var filed = await ConsoleCases.UntilAsync(app, caseId, s => s.Stage == CaseStage.CompletenessCheck && s.OpenDeadlines.Count > 0);
        var lastDay = filed.OpenDeadlines[0].DueDate;

        await using var head = await StaffBrowser.SignedInAsync(chromium, app, "jkt-head");
        var page = head.Page;
        await page.GotoAsync(ConsoleRoutes.Case(caseId));
        var transfer = page.Locator("#action-transfer-office");
        await Assertions.Expect(transfer).ToHaveCountAsync(1);
        await transfer.Locator("summary").ClickAsync();

        // The receiving office is chosen among the other offices; the case's own is not offered.
        var offices = await page.Locator("#transfer-office-receivingOffice option").EvaluateAllAsync<string[]>("all => all.map(o => o.value).filter(v => v)");
        Assert.Equal(["PST", "BAL", "PAP"], offices);
        await PageChecks.CheckAsync(page, "staff-transfer-form");

        // Without an office and a reason: both asked for next to their fields, nothing happens.
        await transfer.GetByRole(AriaRole.Button, new() { Name = "Limpahkan ke kantor lain" }).ClickAsync();
        await Assertions.Expect(page.Locator("#transfer-office-receivingOffice-error")).ToHaveTextAsync("Pilih kantor yang menerima laporan ini.");
        await Assertions.Expect(page.Locator("#transfer-office-note-error")).ToHaveTextAsync("Tuliskan alasan pelimpahan.");
        await PageChecks.CheckAsync(page, "staff-transfer-details-missing");
        Assert.Equal("JKT", (await app.Service<CaseCommands>().GetAsync(caseId))!.Office);

        await page.Locator("#transfer-office-receivingOffice").SelectOptionAsync("PAP");
        await page.Locator("#transfer-office-note").FillAsync("Terlapor berkedudukan di Kota Jayapura.");
        await page.Locator("#action-transfer-office").GetByRole(AriaRole.Button, new() { Name = "Limpahkan ke kantor lain" }).ClickAsync();
        Assert.EndsWith(ConsoleRoutes.CaseTransferred(caseId, "PAP"), page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Laporan {caseId} dilimpahkan ke Ombudsman RI Perwakilan Papua.");
        await PageChecks.CheckAsync(page, "staff-transfer-done");

        var moved = await ConsoleCases.UntilAsync(app, caseId, s => s.Office == "PAP");
        Assert.Equal((lastDay, "WIT"), (moved.OpenDeadlines[0].DueDate, moved.OfficeTimeZone));
        var gone = await page.GotoAsync(ConsoleRoutes.Case(caseId));
        Assert.Equal(404, gone!.Status);
        await PageChecks.CheckAsync(page, "staff-transfer-sending-office-not-found");

        await using var papua = await StaffBrowser.SignedInAsync(chromium, app, "pap-head");
        var received = await papua.Page.GotoAsync(ConsoleRoutes.Case(caseId));
        Assert.Equal(200, received!.Status);
        await Assertions.Expect(papua.Page.Locator("table.case-timeline")).ToContainTextAsync("PO 58/2023 art. 17");
        await Assertions.Expect(papua.Page.Locator(".deadline .last-day").First).ToContainTextAsync("pukul 23.59 WIT");
        await Assertions.Expect(papua.Page.Locator("#action-transfer-office")).ToHaveCountAsync(1);
        await PageChecks.CheckAsync(papua.Page, "staff-transfer-receiving-office-case");

        // The complainant's own page words the step in their language, naming the receiving office and the article, never the staff's reason.
        var token = await app.Service<Ombudsman.Functions.Access.AccessTokenStore>().IssueAsync(
            new Ombudsman.Functions.Access.AccessGrant { CaseId = caseId, Party = Ombudsman.Functions.Access.AccessParty.Complainant, IssuedAt = app.Service<TimeProvider>().GetUtcNow() },
            CancellationToken.None);
        await using var complainant = await BrowserSession.OpenAsync(chromium, app);
        await complainant.Page.GotoAsync($"/track/{caseId}?token={token}");
        var timeline = complainant.Page.Locator("main");
        await Assertions.Expect(timeline).ToContainTextAsync("Laporan dilimpahkan ke Ombudsman RI Perwakilan Papua (PO 58/2023 pasal 17).");
        await Assertions.Expect(timeline).Not.ToContainTextAsync("Terlapor berkedudukan di Kota Jayapura.");
        await PageChecks.CheckAsync(complainant.Page, "case-transferred");

        var staffMail = await Polling.UntilAsync(
            () => Task.FromResult(Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "staff-case-transferred-*.eml") : []),
            files => files.Length >= 2,
            TimeSpan.FromSeconds(30));
        Assert.Equal(2, staffMail.Length);
        var complainantMail = Decoded(Assert.Single(Directory.GetFiles(app.MailDirectory, "complainant-case-transferred-*.eml")));
        Assert.Contains("Alasan: Terlapor berkedudukan di Kota Jayapura.", complainantMail, StringComparison.Ordinal);
        Assert.Contains("(PO 58/2023 pasal 17)", complainantMail, StringComparison.Ordinal);
        Assert.Contains("kini berakhir pukul 23.59 WIT", complainantMail, StringComparison.Ordinal);
    }

    /// <summary>An .eml with its base64 parts decoded.</summary>
    private static string Decoded(string path) => Base64Part().Replace(File.ReadAllText(path), m =>
        Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["data"].Value.Replace("\r\n", "", StringComparison.Ordinal))));

    [GeneratedRegex(@"(?<=Content-Transfer-Encoding: base64\r\n\r\n)(?<data>(?:[A-Za-z0-9+/=]+\r\n)+)")]
    private static partial Regex Base64Part();
}
