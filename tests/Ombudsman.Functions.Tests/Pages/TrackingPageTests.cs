using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>
/// The complainant's tracking pages in a browser: the cure window opened from the emailed link, withdrawal with a
/// reason and a confirmation step, the neutral answer to a wrong secret, and the emailed ?token= link exchanged for
/// the case's cookie.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TrackingPageTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    private const string JakartaIntake = "198701-01;JKT;intake-officer;Dewi Lestari";

    [Fact]
    public async Task From_the_file_incomplete_email_the_complainant_opens_the_case_with_the_secret_and_completes_the_file_with_text_and_a_file()
    {
        // The app's own address goes into the emails' links, as scripts/run.sh does.
        var site = $"http://127.0.0.1:{FreePort()}";
        await using var app = await TestApp.StartAsync(azurite, [$"urls={site}", $"Email:TrackingBaseUrl={site}/track/"]);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        using (var incomplete = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/cases/{filed.CaseId}/actions/file-incomplete"))
        {
            incomplete.Headers.Add("X-Dev-Staff", JakartaIntake);
            incomplete.Content = JsonContent.Create(new { missingItems = new[] { "bukti pembayaran" } });
            using var answer = await app.Client.SendAsync(incomplete);
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        }

        var mail = await Polling.UntilAsync(
            () => Task.FromResult(Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "complainant-file-incomplete-*.eml") : []),
            files => files.Length > 0,
            TimeSpan.FromSeconds(30));
        var link = CaseLink().Match(Decode(await File.ReadAllTextAsync(mail[0]))).Value;
        Assert.Equal($"{site}/track/{filed.CaseId}", link);

        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByLabel("Nomor tanda terima").First).ToHaveValueAsync(filed.ReceiptNumber);
        await PageChecks.CheckAsync(page, "track-form-from-email");

        // Typed as it reads on a receipt: in groups of four.
        await page.GetByLabel("Kode rahasia").FillAsync(string.Join(' ', filed.Token.Chunk(4).Select(c => new string(c))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka pengaduan" }).ClickAsync();
        Assert.Equal($"{site}/track/{filed.CaseId}", page.Url);
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Menunggu Anda melengkapi berkas");
        await Assertions.Expect(page.Locator(".deadline .last-day").First).ToContainTextAsync("pukul 23.59 WIB");
        await PageChecks.CheckAsync(page, "case-cure");

        // A refused file: the text stays, nothing is cured.
        await page.GetByLabel("Keterangan").FillAsync("Bukti pembayaran retribusi terlampir.");
        await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "program.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim kelengkapan berkas" }).ClickAsync();
        await Assertions.Expect(page.Locator("#files-error")).ToContainTextAsync("program.exe");
        await Assertions.Expect(page.GetByLabel("Keterangan")).ToHaveValueAsync("Bukti pembayaran retribusi terlampir.");
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Menunggu Anda melengkapi berkas");
        await PageChecks.CheckAsync(page, "case-cure-file-refused");

        var pdf = Files.Pdf();
        await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "bukti-bayar.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim kelengkapan berkas" }).ClickAsync();

        Assert.Equal($"{site}/track/{filed.CaseId}?done=cured", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kelengkapan berkas Anda sudah diterima");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Kelengkapan berkas dikirim: Bukti pembayaran retribusi terlampir.");
        await Assertions.Expect(page.Locator("#stage")).Not.ToHaveTextAsync("Menunggu Anda melengkapi berkas");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lengkapi berkas Anda" })).ToHaveCountAsync(0);
        var fileLink = page.GetByRole(AriaRole.Link, new() { Name = "bukti-bayar.pdf" });
        await PageChecks.CheckAsync(page, "case-cured");

        // The file comes back through the page with the case's cookie, byte for byte.
        var download = await browser.Context.APIRequest.GetAsync(await fileLink.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, download.Status);
        Assert.Equal(pdf, await download.BodyAsync());
        var track = await PublicApi.TrackAsync(app, filed.Token);
        Assert.Contains(track.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString()!.StartsWith(CaseEvents.CureSubmitted + ": Bukti pembayaran", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_emailed_token_link_is_exchanged_for_a_cookie_and_the_complainant_withdraws_with_a_reason_after_confirming()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;

        var opened = await page.GotoAsync($"/track/{filed.CaseId}?token={filed.Token}");
        Assert.Equal(200, opened!.Status);
        Assert.Equal(new Uri(app.BaseAddress, $"/track/{filed.CaseId}").ToString(), page.Url);
        Assert.DoesNotContain(filed.Token, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Pemeriksaan kelengkapan berkas");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lengkapi berkas Anda" })).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(page, "case-page");

        // Without a reason: asked for one, next to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut ke pencabutan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reason-error")).ToHaveTextAsync("Tulis alasan Anda mencabut pengaduan.");
        await PageChecks.CheckAsync(page, "case-withdraw-reason-missing");

        await page.GetByLabel("Alasan pencabutan").FillAsync("Masalahnya sudah diselesaikan oleh kelurahan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut ke pencabutan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cabut pengaduan ini?");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Masalahnya sudah diselesaikan oleh kelurahan.");
        var stillOpen = await PublicApi.TrackAsync(app, filed.Token);
        Assert.Equal("completenessCheck", stillOpen.GetProperty("stage").GetString());
        await PageChecks.CheckAsync(page, "case-withdraw-confirm");

        await page.GetByRole(AriaRole.Button, new() { Name = "Ya, cabut pengaduan" }).ClickAsync();
        Assert.EndsWith($"/track/{filed.CaseId}?done=withdrawn", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("sudah dicabut");
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Ditutup");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Dicabut oleh Anda");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lanjut ke pencabutan" })).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(page, "case-withdrawn");

        var closed = await PublicApi.TrackAsync(app, filed.Token);
        Assert.Equal("withdrawn", closed.GetProperty("closedReason").GetString());
        Assert.Contains(closed.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString() == "withdraw: Masalahnya sudah diselesaikan oleh kelurahan.");
    }

    [Fact]
    public async Task A_wrong_secret_or_a_wrong_receipt_number_gets_the_same_neutral_error_with_the_values_kept()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        var other = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;

        await page.GotoAsync("/track");
        await PageChecks.CheckAsync(page, "track-form");
        await page.GetByLabel("Nomor tanda terima").First.FillAsync(filed.ReceiptNumber);
        await page.GetByLabel("Kode rahasia").FillAsync(other.Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka pengaduan" }).ClickAsync();
        var wrongSecret = await page.Locator("#receiptNumber-error").TextContentAsync();
        await Assertions.Expect(page.GetByLabel("Nomor tanda terima").First).ToHaveValueAsync(filed.ReceiptNumber);
        Assert.EndsWith("/track", page.Url, StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "track-form-wrong-pair");

        await page.GetByLabel("Nomor tanda terima").First.FillAsync("JKT-20260302-AAAAAAAAAA");
        await page.GetByLabel("Kode rahasia").FillAsync(filed.Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka pengaduan" }).ClickAsync();
        var wrongNumber = await page.Locator("#receiptNumber-error").TextContentAsync();

        Assert.Equal("Nomor tanda terima dan kode rahasia ini tidak cocok. Periksa keduanya pada tanda terima Anda, lalu coba lagi.", wrongSecret);
        Assert.Equal(wrongSecret, wrongNumber);
        Assert.Empty(await browser.Context.CookiesAsync([new Uri(app.BaseAddress, $"/track/{filed.CaseId}").ToString()]).ContinueWith(c => c.Result.Where(k => k.Name == "ombudsman-case").ToList()));

        // The lost-link form answers alike for any number.
        await page.GetByLabel("Nomor tanda terima").Last.FillAsync(filed.ReceiptNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim tautan baru" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Permintaan tautan diterima");
        await PageChecks.CheckAsync(page, "track-link-requested");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Decode(string eml) =>
        Base64Part().Replace(eml, m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["data"].Value.Replace("\r\n", "", StringComparison.Ordinal))));

    [GeneratedRegex(@"(?<=Content-Transfer-Encoding: base64\r\n\r\n)(?<data>(?:[A-Za-z0-9+/=]+\r\n)+)")]
    private static partial Regex Base64Part();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/track/[a-z0-9-]+")]
    private static partial Regex CaseLink();
}
