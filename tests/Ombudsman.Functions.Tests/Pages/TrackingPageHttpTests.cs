using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>The tracking pages over plain HTTP: the token link's exchange, forms without their token, one case's cookie on another case, refusals that store nothing, the rate limit.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class TrackingPageHttpTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_token_link_sets_an_HttpOnly_cookie_for_the_cases_path_and_redirects_to_the_address_without_the_token()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        using var browser = Browser(app);

        using var exchange = await browser.GetAsync(new Uri($"/track/{filed.CaseId}?token={filed.Token}", UriKind.Relative));
        using var page = await browser.GetAsync(exchange.Headers.Location);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.SeeOther, exchange.StatusCode);
        Assert.Equal($"/track/{filed.CaseId}", exchange.Headers.Location?.OriginalString);
        var cookie = Assert.Single(exchange.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ombudsman-case=", StringComparison.Ordinal));
        Assert.Contains($"path=/track/{filed.CaseId}", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(filed.ReceiptNumber, html, StringComparison.Ordinal);
        Assert.DoesNotContain(filed.Token, html, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_receipt_number_and_secret_form_without_its_form_token_is_refused_and_opens_nothing()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        using var browser = Browser(app);

        using var response = await browser.PostAsync(
            new Uri("/track", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["receiptNumber"] = filed.ReceiptNumber, ["secret"] = filed.Token }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Formulir sudah kedaluwarsa", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ombudsman-case=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task One_cases_cookie_opens_neither_the_page_nor_the_files_of_another_case()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var mine = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        var theirs = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        var (uploaded, record) = await PublicApi.UploadAsync(app, theirs.CaseId, theirs.Token, "their-proof-01", "theirs.pdf", Files.Pdf());
        Assert.Equal(HttpStatusCode.Created, uploaded);
        var evidenceId = record.GetProperty("evidenceId").GetString();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        // My valid token, sent as the cookie of their case's pages.
        using var page = await SendWithCookieAsync(client, $"/track/{theirs.CaseId}", mine.Token);
        using var file = await SendWithCookieAsync(client, $"/track/{theirs.CaseId}/files/{evidenceId}", mine.Token);
        using var own = await SendWithCookieAsync(client, $"/track/{theirs.CaseId}/files/{evidenceId}", theirs.Token);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"secret\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("theirs.pdf", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(Files.Pdf(), await own.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_cure_sent_outside_the_cure_window_stores_no_file_and_gives_back_what_was_typed()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        using var browser = Browser(app);
        using (await browser.GetAsync(new Uri($"/track/{filed.CaseId}?token={filed.Token}", UriKind.Relative)))
        {
        }

        var formToken = await FormTokenAsync(browser, $"/track/{filed.CaseId}");
        var before = await PublicApi.SnapshotAsync(app);
        using var pdf = new ByteArrayContent(Files.Pdf());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(formToken), "__form" },
            { new StringContent("Bukti <b>pembayaran</b> terlampir."), "note" },
            { pdf, "files", "bukti.pdf" },
        };
        using var response = await browser.PostAsync(new Uri($"/track/{filed.CaseId}/cure", UriKind.Relative), form);
        var html = await response.Content.ReadAsStringAsync();
        var after = await PublicApi.SnapshotAsync(app);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Berkas tidak dapat dilengkapi sekarang", html, StringComparison.Ordinal);
        Assert.Contains("Bukti &lt;b&gt;pembayaran&lt;/b&gt; terlampir.", html, StringComparison.Ordinal);
        Assert.Equal(before.Blobs, after.Blobs);
        Assert.Equal("completenessCheck", (await PublicApi.TrackAsync(app, filed.Token)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task When_one_file_of_a_cure_is_refused_the_files_stored_before_it_come_back_with_the_form_and_are_sent_with_the_cure()
    {
        await using var app = await TestApp.StartAsync(azurite);
        using var browser = Browser(app);
        var filed = await InCureWindowAsync(app, browser);
        var formToken = await FormTokenAsync(browser, $"/track/{filed.CaseId}");
        using var good = new ByteArrayContent(Files.Pdf());
        using var bad = new ByteArrayContent([0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0]);
        using var first = new MultipartFormDataContent
        {
            { new StringContent(formToken), "__form" },
            { new StringContent("Kuitansi terlampir."), "note" },
            { good, "files", "kuitansi.pdf" },
            { bad, "files", "program.exe" },
        };
        using var refused = await browser.PostAsync(new Uri($"/track/{filed.CaseId}/cure", UriKind.Relative), first);
        var html = await refused.Content.ReadAsStringAsync();
        var kept = KeptField().Match(html).Groups["id"].Value;
        var stage = (await PublicApi.TrackAsync(app, filed.Token)).GetProperty("stage").GetString();

        using var again = new MultipartFormDataContent
        {
            { new StringContent(formToken), "__form" },
            { new StringContent("Kuitansi terlampir."), "note" },
            { new StringContent(kept), "kept" },
        };
        using var cured = await browser.PostAsync(new Uri($"/track/{filed.CaseId}/cure", UriKind.Relative), again);
        var track = await PublicApi.TrackAsync(app, filed.Token);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("program.exe", html, StringComparison.Ordinal);
        Assert.Contains("kuitansi.pdf", html, StringComparison.Ordinal);
        Assert.Contains("Kuitansi terlampir.", html, StringComparison.Ordinal);
        Assert.NotEmpty(kept);
        Assert.Equal("cureWindow", stage);
        Assert.Equal(HttpStatusCode.SeeOther, cured.StatusCode);
        Assert.Equal($"/track/{filed.CaseId}?done=cured", cured.Headers.Location?.OriginalString);
        Assert.Contains(track.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString() == $"cure-submitted: Kuitansi terlampir. (files: {kept})");

        // The page names the file the complainant sent, never its evidence id.
        var page = VisibleText(await browser.GetStringAsync(new Uri($"/track/{filed.CaseId}", UriKind.Relative)));
        Assert.Contains("Kuitansi terlampir. (berkas: kuitansi.pdf)", page, StringComparison.Ordinal);
        Assert.DoesNotContain(kept, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cure_over_its_size_limit_gets_the_too_large_page_in_the_visitors_language_and_stores_nothing()
    {
        const long evidenceMaxBytes = 1024;
        await using var app = await TestApp.StartAsync(azurite, [$"Evidence:MaxBytes={evidenceMaxBytes}"]);
        using var browser = Browser(app);
        var filed = await InCureWindowAsync(app, browser, "&lang=en");
        var formToken = await FormTokenAsync(browser, $"/track/{filed.CaseId}");
        var before = await PublicApi.SnapshotAsync(app);

        var limit = (evidenceMaxBytes * TrackingPages.MaxCureFiles) + (256 * 1024);
        using var form = await OversizedForms.CreateAsync(formToken, "note", "Kuitansi terlampir.", "files", "kuitansi.pdf", limit + 1024);
        using var response = await browser.PostAsync(new Uri($"/track/{filed.CaseId}/cure", UriKind.Relative), form);
        var html = await response.Content.ReadAsStringAsync();
        var after = await PublicApi.SnapshotAsync(app);
        var track = await PublicApi.TrackAsync(app, filed.Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["en"], response.Content.Headers.ContentLanguage);
        Assert.Contains("File too large", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved.", html, StringComparison.Ordinal);
        Assert.Equal(before.Blobs, after.Blobs);
        Assert.Equal("cureWindow", track.GetProperty("stage").GetString());
        Assert.DoesNotContain(track.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString()!.StartsWith(CaseEvents.CureSubmitted, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_case_page_is_in_English_when_the_visitor_chose_English()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        await PublicApi.UntilDeadlineAsync(app, filed.Token, "P5");
        using var browser = Browser(app);
        using (await browser.GetAsync(new Uri($"/track/{filed.CaseId}?token={filed.Token}", UriKind.Relative)))
        {
        }

        using var page = await browser.GetAsync(new Uri($"/track/{filed.CaseId}?lang=en", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal("en", page.Content.Headers.ContentLanguage.Single());
        Assert.Contains("Checking the file is complete", html, StringComparison.Ordinal);
        Assert.Contains("The office checks whether the file is complete", html, StringComparison.Ordinal);
        Assert.Matches(@"at the latest \d{1,2} [A-Z][a-z]+ \d{4}, 23:59 WIB", html);
    }

    [Fact]
    public async Task The_Indonesian_case_page_words_the_workflows_steps_and_the_deadlines_count_in_Indonesian_and_the_English_page_in_English()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await PublicApi.StaffAsync(app, filed.CaseId, CaseEvents.FileComplete);
        var track = await PublicApi.UntilDeadlineAsync(app, filed.Token, "P8");
        var workflowWords = string.Join("\n", track.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()));
        using var browser = Browser(app);
        using (await browser.GetAsync(new Uri($"/track/{filed.CaseId}?token={filed.Token}", UriKind.Relative)))
        {
        }

        var indonesian = VisibleText(await browser.GetStringAsync(new Uri($"/track/{filed.CaseId}", UriKind.Relative)));
        var english = VisibleText(await browser.GetStringAsync(new Uri($"/track/{filed.CaseId}?lang=en", UriKind.Relative)));

        // The workflow itself still writes English (for staff and the API); the page words it.
        Assert.Contains("Receipt issued", workflowWords, StringComparison.Ordinal);
        Assert.Contains("File complete.", workflowWords, StringComparison.Ordinal);
        Assert.Contains("Routed to", workflowWords, StringComparison.Ordinal);
        Assert.Contains("Tanda terima dikirim kepada pelapor", indonesian, StringComparison.Ordinal);
        Assert.Contains("Berkas pengaduan dinyatakan lengkap.", indonesian, StringComparison.Ordinal);
        Assert.Contains("Diteruskan ke atasan satuan kerja ", indonesian, StringComparison.Ordinal);
        Assert.Matches(@"Dihitung \d+ hari (kerja|kalender) sejak (\w+, )?\d{1,2} \w+ \d{4}\.", indonesian);
        Assert.Contains("Berakhir ", indonesian, StringComparison.Ordinal);
        foreach (var phrase in new[] { "Receipt issued", "File complete", "Routed to", "Statute rule set", "Stage:", "working day", "calendar day", "counted with", "ends 20", " from ", "pinned", "the superior", " art. " })
        {
            Assert.DoesNotContain(phrase, indonesian, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("Receipt issued to the complainant", english, StringComparison.Ordinal);
        Assert.Contains("The complaint file is complete.", english, StringComparison.Ordinal);
        Assert.Contains("Routed to the superior of the work unit ", english, StringComparison.Ordinal);
        Assert.Matches(@"Counted \d+ (working|calendar) days from (\w+, )?\d{1,2} \w+ \d{4}\.", english);
        Assert.DoesNotContain("Tanda terima", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Dihitung", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_is_worded_from_its_code_whatever_its_sentence_and_one_recorded_before_codes_from_its_sentence()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await PublicApi.UntilDeadlineAsync(app, filed.Token, "P5");
        var timeline = new TableClient(app.Azurite.ConnectionString, app.Names.TimelineTable);
        var rows = new List<TableEntity>();
        await foreach (var row in timeline.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {filed.CaseId}")))
        {
            rows.Add(row);
        }

        JsonObject EntryOf(TableEntity row) => JsonNode.Parse(row.GetString("Entry") ?? "{}")!.AsObject();
        var receipt = Assert.Single(rows, r => r.ContainsKey("Entry") && EntryOf(r)["step"]?.GetValue<string>() == TimelineSteps.ReceiptIssued);
        var pinned = Assert.Single(rows, r => r.ContainsKey("Entry") && EntryOf(r)["step"]?.GetValue<string>() == TimelineSteps.RuleSetPinned);
        var version = RuleSetVersion().Match(EntryOf(pinned)["what"]!.GetValue<string>()).Groups["version"].Value;

        // The receipt's sentence reworded (only its code still says what it is); the rule set's entry as one stored before codes.
        var reworded = EntryOf(receipt);
        reworded["what"] = "The complainant was handed a receipt.";
        receipt["Entry"] = reworded.ToJsonString();
        var legacy = EntryOf(pinned);
        legacy.Remove("step");
        pinned["Entry"] = legacy.ToJsonString();
        await timeline.UpdateEntityAsync(receipt, receipt.ETag, TableUpdateMode.Replace);
        await timeline.UpdateEntityAsync(pinned, pinned.ETag, TableUpdateMode.Replace);

        using var browser = Browser(app);
        using (await browser.GetAsync(new Uri($"/track/{filed.CaseId}?token={filed.Token}", UriKind.Relative)))
        {
        }

        var indonesian = VisibleText(await browser.GetStringAsync(new Uri($"/track/{filed.CaseId}", UriKind.Relative)));
        var english = VisibleText(await browser.GetStringAsync(new Uri($"/track/{filed.CaseId}?lang=en", UriKind.Relative)));

        Assert.NotEmpty(version);
        Assert.Contains("Tanda terima dikirim kepada pelapor", indonesian, StringComparison.Ordinal);
        Assert.Contains($"Aturan tenggat versi {version} ditetapkan untuk perkara ini.", indonesian, StringComparison.Ordinal);
        Assert.DoesNotContain("Langkah proses perkara dicatat.", indonesian, StringComparison.Ordinal);
        Assert.Contains("Receipt issued to the complainant", english, StringComparison.Ordinal);
        Assert.DoesNotContain("handed a receipt", english, StringComparison.Ordinal);
        Assert.Contains($"Deadline rule set {version} fixed for this case.", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guessing_receipt_number_and_secret_counts_against_the_public_rate_limit()
    {
        await using var app = await TestApp.StartAsync(azurite, ["RateLimiting:PublicIntake:PermitLimit=2", "RateLimiting:PublicIntake:WindowSeconds=3600"]);
        using var browser = Browser(app);
        var formToken = await FormTokenAsync(browser, "/track");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var guess = await browser.PostAsync(
                new Uri("/track", UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__form"] = formToken, ["receiptNumber"] = "JKT-20260302-AAAAAAAAAA", ["secret"] = new string('a', 43) }));
            statuses.Add(guess.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("abcd efgh", null)]
    [InlineData("", null)]
    public void A_secret_that_cannot_be_a_token_is_none(string typed, string? expected) =>
        Assert.Equal(expected, TrackingSecret.Normalize(typed));

    [Fact]
    public void The_secret_is_read_with_spaces_and_separating_dashes_removed_and_its_own_dashes_kept()
    {
        const string token = "Ab-d_fGh1jKlMn0pQrStUvWxYz-123456789abcdefg";
        Assert.Equal(43, token.Length);
        var grouped = string.Join('-', token.Chunk(4).Select(c => new string(c)));

        Assert.Equal(token, TrackingSecret.Normalize(token));
        Assert.Equal(token, TrackingSecret.Normalize(" " + string.Join(' ', token.Chunk(4).Select(c => new string(c))) + "\n"));
        Assert.Equal(token, TrackingSecret.Normalize(grouped));
        Assert.Null(TrackingSecret.Normalize(token[..42] + "!"));
    }

    /// <summary>A case filed and found incomplete, in its cure window, whose emailed link (with <paramref name="query"/> added) the browser opened.</summary>
    private static async Task<Filed> InCureWindowAsync(TestApp app, HttpClient browser, string query = "")
    {
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await PublicApi.StaffAsync(app, filed.CaseId, CaseEvents.FileIncomplete, new CaseAction { Actor = PublicApi.OfficeStaff, MissingItems = ["bukti pembayaran"] });
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CureWindow);
        using (await browser.GetAsync(new Uri($"/track/{filed.CaseId}?token={filed.Token}{query}", UriKind.Relative)))
        {
        }

        return filed;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser's first request sees them.</summary>
    private static HttpClient Browser(TestApp app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    private static async Task<string> FormTokenAsync(HttpClient browser, string path)
    {
        var html = await browser.GetStringAsync(new Uri(path, UriKind.Relative));
        return FormField().Match(html).Groups["value"].Value;
    }

    private static async Task<HttpResponseMessage> SendWithCookieAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", "ombudsman-case=" + token);
        return await client.SendAsync(request);
    }

    /// <summary>The page's text as a reader sees it: tags gone, entities decoded, whitespace collapsed.</summary>
    private static string VisibleText(string html) =>
        Whitespace().Replace(System.Net.WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Statute rule set (?<version>\S+) pinned")]
    private static partial Regex RuleSetVersion();

    [GeneratedRegex("name=\"kept\" value=\"(?<id>[^\"]+)\"")]
    private static partial Regex KeptField();

    [GeneratedRegex("name=\"__form\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex FormField();
}
