using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.Playwright;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Pages;
using Ombudsman.Testing;
using Ombudsman.Web;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// The statistics pages in a browser, over the seeded cases of <see cref="StatisticsSeed"/> (March 2026): a head of
/// office reads the office's figures and downloads a table; another office's cases never count; a national reviewer
/// reads every office's figures and can do nothing else.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsPagesTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    private static readonly string March = ConsoleRoutes.StatisticsFor("2026-03-01", "2026-03-31");

    [Fact]
    public async Task A_head_of_office_reads_the_statistics_of_the_office_and_downloads_a_table_whose_CSV_holds_the_same_figures()
    {
        await using var app = await TestApp.StartAsync(azurite);
        await StatisticsSeed.WriteAsync(app.ReadModel);
        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-head");
        var page = browser.Page;

        var answer = await page.GotoAsync(March);
        Assert.Equal(200, answer!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Statistik");
        await Assertions.Expect(page.GetByText("Laporan diterima dalam periode: 6")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "staff-statistics-office");

        Assert.Equal(
            [["Daring", "3"], ["Datang langsung", "2"], ["WhatsApp", "1"], ["Telepon", "0"], ["Surat", "0"], ["Jemput bola", "0"]],
            await RowsAsync(page, "channel"));
        Assert.Equal(
            [["Dinas Kependudukan", "3"], ["Dinas Perhubungan", "1"], ["Polres Jakarta", "1"], ["RSUD Kota", "1"]],
            await RowsAsync(page, "provider"));
        Assert.Equal([["Perkara ditutup", "4"], ["Median (hari)", "15"], ["Persentil ke-90 (hari)", "64"]], await RowsAsync(page, "days"));

        // Today is after March: JKT-04's P5 (last day 31 March) is past and not done, so now still open and overdue.
        Assert.Equal(["P5", "1", "1", "1", "0", "33,3%"], (await RowsAsync(page, "ontime")).Single(r => r[0] == "P5"));
        Assert.Equal(6, await page.Locator("#channel-title ~ .stats-pair svg rect").CountAsync());

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Unduh CSV: Laporan diterima menurut saluran" }).ClickAsync());
        Assert.Equal("statistics-jkt-channel-2026-03-01-2026-03-31.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
            "Kode,Saluran,Jumlah\r\nOnline,Daring,3\r\nWalkIn,Datang langsung,2\r\nWhatsApp,WhatsApp,1\r\nPhone,Telepon,0\r\nLetter,Surat,0\r\nOutreach,Jemput bola,0\r\n",
            Encoding.UTF8.GetString(bytes[3..]));

        // The CSV of the open caseload holds every stage with its age bands, as the page's table does.
        using var csv = await CsvAsync(app, "jkt-head", ConsoleRoutes.StatisticsCsvFor("open", "2026-03-01", "2026-03-31"));
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("Kode,Tahap,0–14 hari,15–30 hari,31–60 hari,61–90 hari,> 90 hari,Jumlah", lines[0]);
        var pageRows = await RowsAsync(page, "open");
        Assert.Equal(pageRows.Count, lines.Length - 2);
        Assert.All(pageRows.Zip(lines.Skip(1)), pair => Assert.EndsWith(string.Join(',', pair.First), pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_period_that_is_not_valid_is_refused_next_to_its_field_with_the_values_kept_and_another_office_sees_only_its_own()
    {
        await using var app = await TestApp.StartAsync(azurite);
        await StatisticsSeed.WriteAsync(app.ReadModel);
        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "bal-head");
        var page = browser.Page;

        var refused = await page.GotoAsync(ConsoleRoutes.StatisticsFor("2026-03-31", "2026-03-01") + "&lang=en");
        Assert.Equal(400, refused!.Status);
        await Assertions.Expect(page.Locator("#to-error")).ToHaveTextAsync("The end date cannot be before the start date.");
        await Assertions.Expect(page.Locator("#from")).ToHaveValueAsync("2026-03-31");
        await Assertions.Expect(page.Locator("#to")).ToHaveValueAsync("2026-03-01");
        await Assertions.Expect(page.Locator(".stats-section")).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(page, "staff-statistics-error");

        await page.Locator("#from").FillAsync("2026-03-01");
        await page.Locator("#to").FillAsync("2026-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Reports received in the period: 1")).ToBeVisibleAsync();
        Assert.Equal([["Dinas Kesehatan Bali", "1"]], await RowsAsync(page, "provider"));

        using var notDate = await CsvAsync(app, "bal-head", ConsoleRoutes.StatisticsCsvFor("channel", "2026-02-30", "2026-03-31"));
        Assert.Equal(HttpStatusCode.BadRequest, notDate.StatusCode);
        Assert.Contains("id=\"from-error\"", await notDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noTable = await CsvAsync(app, "bal-head", ConsoleRoutes.StatisticsCsvFor("complainants", "2026-03-01", "2026-03-31"));
        Assert.Equal(HttpStatusCode.NotFound, noTable.StatusCode);
    }

    [Fact]
    public async Task A_national_reviewer_reads_the_statistics_of_every_office_and_can_open_no_case()
    {
        await using var app = await TestApp.StartAsync(azurite);
        await StatisticsSeed.WriteAsync(app.ReadModel);
        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "pst-national");
        var page = browser.Page;

        await page.GotoAsync(March);
        await Assertions.Expect(page.GetByText("Semua kantor")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Laporan diterima dalam periode: 7")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Peninjau nasional", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Equal(["Jemput bola", "1"], (await RowsAsync(page, "channel")).Single(r => r[0] == "Jemput bola"));
        await PageChecks.CheckAsync(page, "staff-statistics-national");

        using var csv = await CsvAsync(app, "pst-national", ConsoleRoutes.StatisticsCsvFor("provider", "2026-03-01", "2026-03-31"));
        Assert.Contains("Dinas Kesehatan Bali,Dinas Kesehatan Bali,1\r\n", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Not a case role: the staff API (cases, a case, an action) refuses the national reviewer.
        foreach (var path in new[] { "/api/staff/cases", "/api/staff/cases/JKT-01" })
        {
            using var refused = await CsvAsync(app, "pst-national", path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    [Fact]
    public void The_national_role_admits_a_member_to_statistics_only()
    {
        var national = Principal("pst-national", "PST", StaffRoles.NationalReviewer);
        Assert.Null(StaffMember.From(national));
        Assert.True(StaffMember.StatisticsReaderFrom(national)!.ReadsAllOffices);

        var head = Principal("jkt-head", "JKT", StaffRoles.HeadOfOffice);
        Assert.False(StaffMember.StatisticsReaderFrom(head)!.ReadsAllOffices);
        Assert.Equal([StaffRoles.HeadOfOffice], StaffMember.From(head)!.Roles);

        Assert.Null(StaffMember.StatisticsReaderFrom(Principal("guest", "JKT", StaffRoles.Administrator)));
        Assert.DoesNotContain(StaffRoles.NationalReviewer, StaffRoles.All);
    }

    private static ClaimsPrincipal Principal(string id, string office, string role) => new(new ClaimsIdentity(
        [new Claim(StaffClaimTypes.Id, id), new Claim(StaffClaimTypes.Office, office), new Claim(StaffClaimTypes.Role, role)], "test", StaffClaimTypes.Name, StaffClaimTypes.Role));

    /// <summary>The cells of a statistics table, row by row (the row's name first).</summary>
    private static async Task<List<List<string>>> RowsAsync(IPage page, string table)
    {
        var rows = new List<List<string>>();
        foreach (var row in await page.Locator($"#{table}-table tbody tr").AllAsync())
        {
            rows.Add([.. (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim())]);
        }

        return rows;
    }

    /// <summary>A request as the signed-in sample member, outside the browser (to read headers and bodies as sent).</summary>
    private static async Task<HttpResponseMessage> CsvAsync(TestApp app, string staffId, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{DevelopmentStaff.CookieName}={staffId}");
        return await app.Client.SendAsync(request);
    }
}
