using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Disclosure;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>
/// The provider's page, opened in a real browser from the link staff issue and the app emails: the response with
/// documents, late marking after the deadline, a confidential complainant kept out of the page and its downloads
/// (UU 25/2009 art. 42(5)), and the page a revoked, expired or unknown link gets.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ProviderPageTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    private const string Office = "Ombudsman RI Perwakilan Jakarta Raya";
    private const string OfficeEmail = "staf.jkt@ombudsman.test";

    [Fact]
    public async Task A_provider_opens_the_emailed_link_and_responds_with_two_documents()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCase.FileAsync(app, Filing(confidential: false));
        var mail = await ProviderLinkMailAsync(app);
        var link = PageLink(mail);
        var letter = Files.Pdf(310);
        var minutes = Files.Pdf(420);

        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;
        var opened = await page.GotoAsync(link);

        // The token left the address for a cookie; the page is the case as the provider API shows it.
        Assert.Equal(200, opened!.Status);
        Assert.Equal(new Uri(app.BaseAddress, $"/provider/{routed.CaseId}").ToString(), page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Tanggapan atas pengaduan {routed.Filed.ReceiptNumber}");
        var (_, api) = await SendAsync(app, HttpMethod.Get, $"/api/provider/cases/{routed.CaseId}", routed.ProviderToken);
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains(api.GetProperty("description").GetString()!, main, StringComparison.Ordinal);
        Assert.Contains("Siti Rahmawati", main, StringComparison.Ordinal);
        Assert.Contains("UU 25/2009", await page.Locator(".deadline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(@"Paling lambat \d{1,2} \w+ 2026 pukul 23\.59 WIB", await page.Locator(".deadline .last-day").InnerTextAsync());
        await Assertions.Expect(page.Locator(".deadline")).ToContainTextAsync(new Regex(@"Sisa waktu: \d+ hari \d+ jam"));
        await PageChecks.CheckAsync(page, "provider-case");

        await page.GetByLabel("Tanggapan tertulis").FillAsync("KTP-el pengadu sudah dicetak dan dapat diambil mulai besok.");
        await page.Locator("#documents").SetInputFilesAsync(
        [
            new FilePayload { Name = "surat-tanggapan.pdf", MimeType = "application/pdf", Buffer = letter },
            new FilePayload { Name = "berita-acara.pdf", MimeType = "application/pdf", Buffer = minutes },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim tanggapan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tanggapan Anda sudah terkirim");
        var sent = page.Locator("ol.responses > li");
        await Assertions.Expect(sent).ToHaveCountAsync(1);
        await Assertions.Expect(sent).ToContainTextAsync("KTP-el pengadu sudah dicetak dan dapat diambil mulai besok.");
        await Assertions.Expect(sent.GetByRole(AriaRole.Link)).ToHaveTextAsync(["surat-tanggapan.pdf", "berita-acara.pdf"]);
        Assert.DoesNotContain("Terlambat", await sent.InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "provider-sent");

        // The documents download from the page as they were sent.
        var letterHref = await sent.GetByRole(AriaRole.Link, new() { Name = "surat-tanggapan.pdf" }).GetAttributeAsync("href");
        var download = await page.Context.APIRequest.GetAsync(letterHref!);
        Assert.Equal(200, download.Status);
        Assert.Equal(letter, await download.BodyAsync());

        // Staff see the response with both documents; the complainant sees that the provider responded.
        var (_, staffCase) = await RoutedCase.AsStaffAsync(app, HttpMethod.Get, $"/api/staff/cases/{routed.CaseId}", RoutedCase.JakartaExaminer);
        var response = Assert.Single(staffCase.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString()!.StartsWith(CaseEvents.ProviderResponseSubmitted, StringComparison.Ordinal));
        Assert.Contains("KTP-el pengadu sudah dicetak", response.GetProperty("what").GetString(), StringComparison.Ordinal);
        var (_, providerFiles) = await SendAsync(app, HttpMethod.Get, $"/api/cases/{routed.CaseId}/evidence", routed.ProviderToken);
        Assert.Equal(["berita-acara.pdf", "surat-tanggapan.pdf"], providerFiles.EnumerateArray().Select(f => f.GetProperty("fileName").GetString()).Order(StringComparer.Ordinal));
        Assert.All(providerFiles.EnumerateArray(), f => Assert.Contains(f.GetProperty("evidenceId").GetString()!, response.GetProperty("what").GetString(), StringComparison.Ordinal));
        var tracked = await TrackAsync(app, routed.Filed.Token);
        Assert.Contains(tracked.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString() == CaseEvents.ProviderResponseSubmitted);

        // One email per issued link, with the deadline's last day and its citation.
        Assert.Single(Directory.GetFiles(app.MailDirectory, "provider-link-*.eml"));
        Assert.Contains("dukcapil@example.go.id", mail, StringComparison.Ordinal);
        Assert.Matches(@"paling lambat \d{1,2} \w+ 2026 pukul 23\.59 WIB \(UU 25/2009", mail);
    }

    [Fact]
    public async Task A_refused_document_keeps_the_typed_text_and_records_nothing()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCase.FileAsync(app, Filing(confidential: false));
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;
        await page.GotoAsync(PageLink(await ProviderLinkMailAsync(app)));

        await page.GetByLabel("Tanggapan tertulis").FillAsync("Tanggapan dengan lampiran yang salah.");
        await page.Locator("#documents").SetInputFilesAsync(
        [
            new FilePayload { Name = "surat.pdf", MimeType = "application/pdf", Buffer = Files.Pdf() },
            new FilePayload { Name = "program.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0] },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim tanggapan" }).ClickAsync();

        await Assertions.Expect(page.Locator("#documents-error")).ToContainTextAsync("program.exe");
        await Assertions.Expect(page.GetByLabel("Tanggapan tertulis")).ToHaveValueAsync("Tanggapan dengan lampiran yang salah.");
        await PageChecks.CheckAsync(page, "provider-document-refused");
        var (_, files) = await SendAsync(app, HttpMethod.Get, $"/api/cases/{routed.CaseId}/evidence", routed.ProviderToken);
        var tracked = await TrackAsync(app, routed.Filed.Token);
        Assert.Equal(0, files.GetArrayLength());
        Assert.DoesNotContain(tracked.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString() == CaseEvents.ProviderResponseSubmitted);
    }

    [Fact]
    public async Task A_confidential_complainants_identity_and_unshared_files_appear_neither_on_the_provider_page_nor_in_its_downloads()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        const string nik = "3175091201900003";
        var filing = Filing(confidential: true);
        filing["description"] = $"Saya Siti Rahmawati (NIK {nik}), Jl. Melati No. 5, Jakarta Timur: pembuatan KTP-el tertunda tiga bulan tanpa alasan.";
        var routed = await RoutedCase.FileAsync(app, filing);
        byte[] identityCard = [.. "%PDF-1.7\n% KTP Siti Rahmawati NIK "u8, .. Encoding.UTF8.GetBytes(nik), .. "\n%%EOF\n"u8];
        var receipt = Files.Pdf(555);
        var (_, card) = await RoutedCase.UploadAsync(app, routed.CaseId, routed.Filed.Token, "KTP Siti Rahmawati.pdf", identityCard);
        var (_, paid) = await RoutedCase.UploadAsync(app, routed.CaseId, routed.Filed.Token, "kuitansi-retribusi-siti.pdf", receipt);
        var (shared, _) = await RoutedCase.AsStaffAsync(
            app, HttpMethod.Post, $"/api/staff/cases/{routed.CaseId}/disclosure/files/{paid.GetProperty("evidenceId").GetString()}", RoutedCase.JakartaExaminer);
        Assert.Equal(HttpStatusCode.OK, shared);
        string[] identity = ["Siti", "Rahmawati", "siti@example.org", "+62 812 0000 0000", "6281200000000", "8120000", nik, "Jl. Melati", "KTP Siti", "kuitansi-retribusi"];

        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;
        await page.GotoAsync(PageLink(await ProviderLinkMailAsync(app)));
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("sedang ditinjau");
        await PageChecks.CheckAsync(page, "provider-confidential");

        // Staff approve a text without the identity; the provider then reads it, and responds with a document of its own.
        var (approved, _) = await RoutedCase.AsStaffAsync(
            app, HttpMethod.Post, $"/api/staff/cases/{routed.CaseId}/disclosure/complaint-text", RoutedCase.JakartaExaminer,
            new { description = "Pembuatan KTP-el pengadu tertunda tiga bulan tanpa alasan.", remedyAsked = "KTP-el diterbitkan dalam 7 hari." });
        Assert.Equal(HttpStatusCode.OK, approved);
        await page.ReloadAsync();
        await page.GetByLabel("Tanggapan tertulis").FillAsync("Berkas sudah kami periksa.");
        await page.Locator("#documents").SetInputFilesAsync(new FilePayload { Name = "tanggapan-dinas.pdf", MimeType = "application/pdf", Buffer = Files.Pdf(77) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim tanggapan" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.responses > li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Pembuatan KTP-el pengadu tertunda tiga bulan tanpa alasan.");
        await PageChecks.CheckAsync(page, "provider-confidential-approved");

        var html = await page.ContentAsync();
        Assert.All(identity, detail => Assert.DoesNotContain(detail, html, StringComparison.OrdinalIgnoreCase));
        var hrefs = (await page.Locator("a[download]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).Distinct().ToList();
        var names = new List<string>();
        foreach (var href in hrefs)
        {
            var download = await page.Context.APIRequest.GetAsync(href);
            var bytes = await download.BodyAsync();
            var disposition = download.Headers["content-disposition"];
            Assert.Equal(200, download.Status);
            Assert.NotEqual(identityCard, bytes);
            Assert.All(identity, detail => Assert.DoesNotContain(detail, Encoding.UTF8.GetString(bytes), StringComparison.OrdinalIgnoreCase));
            Assert.All(identity, detail => Assert.DoesNotContain(detail, disposition, StringComparison.OrdinalIgnoreCase));
            names.Add(FileNameIn(disposition));
        }

        Assert.Equal(["lampiran-1.pdf", "tanggapan-dinas.pdf"], names.Order(StringComparer.Ordinal));

        // The complainant's unshared file is not served from the page by its real id either.
        var byRealId = await page.Context.APIRequest.GetAsync($"/provider/{routed.CaseId}/files/{card.GetProperty("evidenceId").GetString()}");
        Assert.Equal(404, byRealId.Status);
        Assert.DoesNotContain(nik, await byRealId.TextAsync(), StringComparison.Ordinal);
        var mail = await ProviderLinkMailAsync(app);
        Assert.All(identity, detail => Assert.DoesNotContain(detail, mail, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task After_the_deadline_the_page_counts_how_late_and_the_response_is_marked_late()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCase.FileAsync(app, Filing(confidential: false));
        var (_, link) = await SendAsync(app, HttpMethod.Get, $"/api/provider/cases/{routed.CaseId}", routed.ProviderToken);
        var respondBy = link.GetProperty("respondBy").GetDateTimeOffset();
        using var advance = await app.Client.PostAsJsonAsync(
            new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = System.Xml.XmlConvert.ToString(respondBy - Start + TimeSpan.FromHours(50)) });
        Assert.Equal(HttpStatusCode.OK, advance.StatusCode);

        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;
        await page.GotoAsync(PageLink(await ProviderLinkMailAsync(app)));
        await Assertions.Expect(page.Locator(".deadline .overdue")).ToHaveTextAsync("Batas waktu sudah lewat 2 hari 2 jam.");
        await PageChecks.CheckAsync(page, "provider-overdue");

        await page.GetByLabel("Tanggapan tertulis").FillAsync("Maaf, tanggapan kami terlambat.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim tanggapan" }).ClickAsync();

        var sent = page.Locator("ol.responses > li");
        await Assertions.Expect(sent).ToHaveCountAsync(1);
        await Assertions.Expect(sent.Locator(".overdue")).ToHaveTextAsync("Terlambat");
        await PageChecks.CheckAsync(page, "provider-sent-late");
        var (_, staffCase) = await RoutedCase.AsStaffAsync(app, HttpMethod.Get, $"/api/staff/cases/{routed.CaseId}", RoutedCase.JakartaExaminer);
        Assert.Contains(
            staffCase.GetProperty("timeline").EnumerateArray(),
            e => e.GetProperty("what").GetString() == $"{CaseEvents.ProviderResponseSubmitted}: [late: after the response deadline {respondBy:O}] Maaf, tanggapan kami terlambat.");
    }

    [Fact]
    public async Task A_revoked_expired_or_unknown_link_gets_a_page_saying_so_and_whom_to_ask()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCase.FileAsync(app, Filing(confidential: true));
        var first = PageLink(await ProviderLinkMailAsync(app));

        // Opened while good, then revoked: the cookie opens nothing any more.
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;
        Assert.Equal(200, (await page.GotoAsync(first))!.Status);
        var (revoked, _) = await RoutedCase.AsStaffAsync(app, HttpMethod.Delete, $"/api/staff/cases/{routed.CaseId}/provider-link", RoutedCase.JakartaExaminer);
        Assert.Equal(HttpStatusCode.NoContent, revoked);
        var again = await page.ReloadAsync();
        Assert.Equal(401, again!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tautan ini sudah tidak berlaku");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Minta tautan baru kepada {Office} melalui {OfficeEmail}.");
        Assert.DoesNotContain("Siti", await page.ContentAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "provider-link-revoked");

        // A new link works until its deadline plus grace, then says it expired, in the visitor's language.
        var (issued, newLink) = await RoutedCase.AsStaffAsync(app, HttpMethod.Post, $"/api/staff/cases/{routed.CaseId}/provider-link", RoutedCase.JakartaExaminer);
        Assert.Equal(HttpStatusCode.Created, issued);
        var expiresAt = newLink.GetProperty("expiresAt").GetDateTimeOffset();
        using var advance = await app.Client.PostAsJsonAsync(
            new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = System.Xml.XmlConvert.ToString(expiresAt - Start + TimeSpan.FromMinutes(1)) });
        Assert.Equal(HttpStatusCode.OK, advance.StatusCode);
        var expired = await page.GotoAsync(newLink.GetProperty("pageUrl").GetString()! + "&lang=en");
        Assert.Equal(410, expired!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link has expired");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Ask {Office} for a new link at {OfficeEmail}.");
        await PageChecks.CheckAsync(page, "provider-link-expired");

        // A token nobody issued, and no token at all: general advice, no office named.
        var unknown = await page.GotoAsync($"/provider/{routed.CaseId}?token={new string('A', 43)}&lang=id");
        Assert.Equal(401, unknown!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tautan tidak dikenal");
        Assert.DoesNotContain(OfficeEmail, await page.ContentAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "provider-link-unknown");
        var bare = await page.GotoAsync($"/provider/{routed.CaseId}");
        Assert.Equal(401, bare!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Buka halaman ini dari tautan di email");
    }

    /// <summary>The newest provider-link email of the app (waited for, bounded), its base64 parts decoded.</summary>
    private static async Task<string> ProviderLinkMailAsync(TestApp app)
    {
        var files = await Polling.UntilAsync(
            () => Task.FromResult(Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "provider-link-*.eml") : []),
            f => f.Length > 0,
            TimeSpan.FromSeconds(30));
        var newest = files.OrderBy(File.GetLastWriteTimeUtc).Last();
        return Base64Part().Replace(
            await File.ReadAllTextAsync(newest),
            m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["data"].Value.Replace("\r\n", "", StringComparison.Ordinal))));
    }

    private static string PageLink(string mail) =>
        PageLinkPattern().Match(mail) is { Success: true } m ? m.Value : throw new InvalidOperationException("no provider page link in the email:\n" + mail);

    private static string FileNameIn(string disposition) =>
        Regex.Match(disposition, "filename=\"?(?<name>[^\";]+)\"?") is { Success: true } m ? m.Groups["name"].Value : disposition;

    [GeneratedRegex(@"(?<=Content-Transfer-Encoding: base64\r\n\r\n)(?<data>(?:[A-Za-z0-9+/=]+\r\n)+)")]
    private static partial Regex Base64Part();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/provider/[A-Za-z0-9-]+\?token=[A-Za-z0-9_-]{43}")]
    private static partial Regex PageLinkPattern();
}
