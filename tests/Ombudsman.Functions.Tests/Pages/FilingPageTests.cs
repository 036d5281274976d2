using System.Globalization;
using System.Net;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>The filing page over HTTP: one case per form however often it is sent, the receipt only for its browser.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FilingPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_form_sent_again_by_a_reload_files_one_case_stores_its_file_once_and_leads_to_the_same_receipt()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        using var browser = new FilingForms(app);
        var hidden = await browser.OpenAsync();

        using var first = await browser.SendAsync(hidden, FilingForms.Complaint(), ("evidence", "antrean.pdf", FilingForms.Pdf));
        using var again = await browser.SendAsync(hidden, FilingForms.Complaint(), ("evidence", "antrean.pdf", FilingForms.Pdf));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Matches("^/track/jkt-20260302-[a-z2-7]{10}/receipt$", first.Headers.Location!.OriginalString);
        var cases = await app.ReadModel.ListCasesAsync("JKT");
        var filed = Assert.Single(cases);
        var files = await app.Service<EvidenceStore>().ListAsync(filed.CaseId, CancellationToken.None);
        var file = Assert.Single(files);
        Assert.Equal(("antrean.pdf", EvidenceParty.Complainant), (file.OriginalName, file.Party));
    }

    [Fact]
    public async Task A_double_click_sending_the_form_twice_at_once_files_one_case()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        using var browser = new FilingForms(app);
        var hidden = await browser.OpenAsync();

        var answers = await Task.WhenAll(browser.SendAsync(hidden, FilingForms.Complaint()), browser.SendAsync(hidden, FilingForms.Complaint()));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.SeeOther, a.StatusCode));
        Assert.Equal(answers[0].Headers.Location, answers[1].Headers.Location);
        Assert.Single(await app.ReadModel.ListCasesAsync("JKT"));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task The_receipt_shows_the_secret_code_to_the_browser_that_filed_and_the_receipt_email_arrives()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        using var browser = new FilingForms(app);
        using var sent = await browser.SendAsync(await browser.OpenAsync(), FilingForms.Complaint());
        var receiptPath = sent.Headers.Location!.OriginalString;
        var caseId = receiptPath.Split('/')[2];

        using var receipt = await browser.Client.GetAsync(new Uri(receiptPath, UriKind.Relative));
        var html = await receipt.Content.ReadAsStringAsync();
        using var stranger = await app.Client.GetAsync(new Uri(receiptPath, UriKind.Relative));
        var strangerHtml = await stranger.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("no-store", receipt.Headers.CacheControl!.ToString());
        Assert.Contains(caseId.ToUpperInvariant(), html, StringComparison.Ordinal);
        Assert.Contains($"{app.BaseAddress.ToString().TrimEnd('/')}/track/{caseId}", html, StringComparison.Ordinal);
        Assert.Contains("Rp 1.500.000", html, StringComparison.Ordinal);
        var secret = browser.CaseToken(caseId);
        Assert.Contains(string.Join(' ', secret.Chunk(4).Select(g => new string(g))), html, StringComparison.Ordinal);
        Assert.Contains("2 Maret 2026 08.00 WIB", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("Tanda terima tidak dapat dibuka di sini", strangerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti", strangerHtml, StringComparison.Ordinal);

        var mails = await Polling.UntilAsync(
            () => Task.FromResult(Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "complainant-receipt-*.eml") : []),
            files => files.Length > 0,
            TimeSpan.FromSeconds(60));
        var mail = await File.ReadAllTextAsync(Assert.Single(mails));
        Assert.Contains($"X-Ombudsman-Case-Id: {caseId}", mail, StringComparison.Ordinal);
        Assert.Contains("To: \"Siti Rahmawati\" <siti@example.org>", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_to_the_Ombudsman_past_the_report_limit_is_explained_with_its_rule_and_not_sent()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        using var browser = new FilingForms(app);
        var report = FilingForms.Complaint();
        report.Remove("serviceReceivedOn");
        report["eventOn"] = "2023-06-01";
        report["priorComplaint.filedOn"] = "2023-06-10";
        report["priorComplaint.outcome"] = "Tidak ada jawaban.";

        using var sent = await browser.SendAsync(await browser.OpenAsync("ombudsman"), report);
        var html = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync());

        var check = app.Service<ReportLimit>().Check(new DateOnly(2023, 6, 1), DateTimeOffset.Parse(FilingForms.Start, CultureInfo.InvariantCulture), OfficeTimeZone.Wib);
        Assert.True(check.IsLate);
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Contains($"paling lambat {check.Deadline.Duration.Amount} tahun", html, StringComparison.Ordinal);
        Assert.Contains(check.Citation, html, StringComparison.Ordinal);
        Assert.Contains(NotificationDates.LastDay(check.Deadline.DueDate, OfficeTimeZone.Wib, Language.Indonesian), html, StringComparison.Ordinal);
        Assert.Contains("id=\"eventOn-error\"", html, StringComparison.Ordinal);
        Assert.Contains(">Tidak ada jawaban.</textarea>", html, StringComparison.Ordinal);
        Assert.Empty(await app.ReadModel.ListCasesAsync("JKT"));
    }
}
