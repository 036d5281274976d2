using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Statute;

/// <summary>
/// A case follows the rule set it pinned, whatever that set says: with a made-up rule set (<see cref="TestRuleSet"/>: 21
/// days to answer on completeness, a 45-day cure window, 90 days to decide, citations of an act that does not exist) its
/// deadlines are counted with those durations and its emails and pages state those durations and citations, and never
/// an article of the real acts.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class RuleSetFollowedTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_filed_case_counts_its_deadlines_and_words_its_emails_and_case_page_from_the_pinned_rule_set()
    {
        using var rules = TestRuleSet.Create();
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}", rules.Setting]);

        var filed = await FileAsync(app, Filing());
        var answer = Deadline(await UntilDeadlineAsync(app, filed.Token, "P5"), "P5");
        var receipt = Assert.Single(await MailsAsync(app, "complainant-receipt-*.eml"));

        Assert.Equal(TestRuleSet.Version, (await app.Service<CaseReader>().GetAsync(filed.CaseId, CancellationToken.None))!.Status!.RuleSetVersion);
        Assert.Equal(("2026-03-23", TestRuleSet.CompletenessCitation), answer);
        Assert.Contains("(UU 99/2099 pasal 1)", receipt, StringComparison.Ordinal);
        Assert.Contains($"{TestRuleSet.CompletenessDays} hari sejak pengaduan diterima", receipt, StringComparison.Ordinal);
        Assert.Contains("(UU 99/2099 pasal 2)", receipt, StringComparison.Ordinal);
        NoRealArticle(receipt);

        await StaffAsync(app, filed.CaseId, CaseEvents.FileIncomplete, new CaseAction { Actor = OfficeStaff, MissingItems = ["fotokopi KTP"] });
        var cure = Deadline(await UntilDeadlineAsync(app, filed.Token, "P6"), "P6");
        var notice = Assert.Single(await MailsAsync(app, "complainant-file-incomplete-*.eml"));

        Assert.Equal(("2026-04-16", TestRuleSet.CureCitation), cure);
        Assert.Contains("16 April 2026 pukul 23.59 WIB", notice, StringComparison.Ordinal);
        Assert.Contains("UU 99/2099 pasal 3", notice, StringComparison.Ordinal);
        NoRealArticle(notice);

        using var browser = await OpenAsync(app, $"/track/{filed.CaseId}", filed.Token);
        var page = Text(await browser.GetStringAsync(new Uri($"/track/{filed.CaseId}", UriKind.Relative)));
        var english = Text(await browser.GetStringAsync(new Uri($"/track/{filed.CaseId}?lang=en", UriKind.Relative)));

        Assert.Contains("UU 99/2099 pasal 3 (P6)", page, StringComparison.Ordinal);
        Assert.Contains("dianggap dicabut (UU 99/2099 pasal 3)", page, StringComparison.Ordinal);
        Assert.Contains("45 hari kalender", page, StringComparison.Ordinal);
        Assert.Contains($"lebih dari {TestRuleSet.FilingWindowDays} hari setelah pelayanan", page, StringComparison.Ordinal);
        Assert.Contains("Tanda terima dikirim kepada pelapor (UU 99/2099 pasal 1)", page, StringComparison.Ordinal);
        Assert.Contains("UU 99/2099 art. 3 (P6)", english, StringComparison.Ordinal);
        Assert.Contains($"more than {TestRuleSet.FilingWindowDays} days after the service", english, StringComparison.Ordinal);
        NoRealArticle(page);
        NoRealArticle(english);
    }

    [Fact]
    public async Task The_providers_email_and_page_state_the_decision_deadline_and_the_confidentiality_the_rule_set_cites()
    {
        using var rules = TestRuleSet.Create();
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}", rules.Setting]);

        var filed = await FileAsync(app, Filing(confidential: true));
        await UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await StaffAsync(app, filed.CaseId, CaseEvents.FileComplete);
        var decision = Deadline(await UntilDeadlineAsync(app, filed.Token, "P8"), "P8");
        var link = await app.Service<ProviderLinks>().IssueAsync(filed.CaseId, CancellationToken.None);
        var email = Assert.Single(await MailsAsync(app, "provider-new-case-*.eml"));

        Assert.Equal(("2026-05-31", TestRuleSet.DecisionCitation), decision);
        Assert.Equal("P8", link.RuleId);
        Assert.Contains("UU 99/2099 pasal 4", email, StringComparison.Ordinal);
        Assert.Contains("dirahasiakan (UU 99/2099 pasal 9)", email, StringComparison.Ordinal);
        NoRealArticle(email);

        using var provider = await OpenAsync(app, $"/provider/{filed.CaseId}", link.Token);
        var page = Text(await provider.GetStringAsync(new Uri($"/provider/{filed.CaseId}", UriKind.Relative)));
        var english = Text(await provider.GetStringAsync(new Uri($"/provider/{filed.CaseId}?lang=en", UriKind.Relative)));

        Assert.Contains("Dasar hukum: UU 99/2099 pasal 4", page, StringComparison.Ordinal);
        Assert.Contains("Pengaduan kepada penyelenggara (UU 99/2099)", page, StringComparison.Ordinal);
        Assert.Contains("dirahasiakan atas permintaannya (UU 99/2099 pasal 9)", page, StringComparison.Ordinal);
        Assert.Contains("Legal basis: UU 99/2099 art. 4", english, StringComparison.Ordinal);
        Assert.Contains("kept confidential (UU 99/2099 art. 9)", english, StringComparison.Ordinal);
        NoRealArticle(page);
        NoRealArticle(english);
    }

    /// <summary>No article of the real acts: the pinned rule set cites none, so one shown was written outside it.</summary>
    private static void NoRealArticle(string text)
    {
        Assert.DoesNotMatch(@"UU (25/2009|37/2008) (art\.|pasal)", text);
        Assert.DoesNotContain("14 hari", text, StringComparison.Ordinal);
    }

    private static (string DueDate, string Citation) Deadline(JsonElement tracked, string ruleId)
    {
        var deadline = tracked.GetProperty("openDeadlines").EnumerateArray().Single(d => d.GetProperty("ruleId").GetString() == ruleId);
        return (deadline.GetProperty("dueDate").GetString()!, deadline.GetProperty("citation").GetString()!);
    }

    /// <summary>A client holding the page's cookie: the link's token exchanged as a browser exchanges it.</summary>
    private static async Task<HttpClient> OpenAsync(TestApp app, string path, string token)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var opened = await client.GetAsync(new Uri($"{path}?token={Uri.EscapeDataString(token)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
        return client;
    }

    /// <summary>A page as a reader sees it: tags gone, entities decoded, whitespace collapsed.</summary>
    private static string Text(string html) => Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    /// <summary>The emails in the app's pickup directory matching <paramref name="pattern"/> (polled, bounded), their base64 parts decoded.</summary>
    private static Task<List<string>> MailsAsync(TestApp app, string pattern) =>
        Polling.UntilAsync(
            () => Task.FromResult(Directory.Exists(app.MailDirectory)
                ? Directory.GetFiles(app.MailDirectory, pattern).Select(f => Base64Part().Replace(File.ReadAllText(f), m =>
                    Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["data"].Value.Replace("\r\n", "", StringComparison.Ordinal))))).ToList()
                : []),
            mails => mails.Count > 0,
            TimeSpan.FromSeconds(30));

    [GeneratedRegex(@"(?<=Content-Transfer-Encoding: base64\r\n\r\n)(?<data>(?:[A-Za-z0-9+/=]+\r\n)+)")]
    private static partial Regex Base64Part();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
