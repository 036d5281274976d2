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
/// days to answer on completeness, a 45-day cure window, 90 days to decide, citations of an act that does not exist,
/// other rule ids for the steps whose rule differs by path, two missed summonses instead of three) its deadlines are
/// counted with those durations and rules, its emails and pages state those durations, citations and acts, and never
/// an article or act of the real ones.
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
        var answer = Deadline(await UntilDeadlineAsync(app, filed.Token, TestRuleSet.CompletenessRule), TestRuleSet.CompletenessRule);
        var receipt = Assert.Single(await MailsAsync(app, "complainant-receipt-*.eml"));

        Assert.Equal(TestRuleSet.Version, (await app.Service<CaseReader>().GetAsync(filed.CaseId, CancellationToken.None))!.Status!.RuleSetVersion);
        Assert.Equal(("2026-03-23", TestRuleSet.CompletenessCitation), answer);
        Assert.Contains("(UU 99/2099 pasal 1)", receipt, StringComparison.Ordinal);
        Assert.Contains($"{TestRuleSet.CompletenessDays} hari sejak pengaduan diterima", receipt, StringComparison.Ordinal);
        Assert.Contains("(UU 99/2099 pasal 2)", receipt, StringComparison.Ordinal);
        NoRealArticle(receipt);

        await StaffAsync(app, filed.CaseId, CaseEvents.FileIncomplete, new CaseAction { Actor = OfficeStaff, MissingItems = ["fotokopi KTP"] });
        var cure = Deadline(await UntilDeadlineAsync(app, filed.Token, TestRuleSet.CureRule), TestRuleSet.CureRule);
        var notice = Assert.Single(await MailsAsync(app, "complainant-file-incomplete-*.eml"));

        Assert.Equal(("2026-04-16", TestRuleSet.CureCitation), cure);
        Assert.Contains("16 April 2026 pukul 23.59 WIB", notice, StringComparison.Ordinal);
        Assert.Contains("UU 99/2099 pasal 3", notice, StringComparison.Ordinal);
        NoRealArticle(notice);

        using var browser = await OpenAsync(app, $"/track/{filed.CaseId}", filed.Token);
        var page = Text(await browser.GetStringAsync(new Uri($"/track/{filed.CaseId}", UriKind.Relative)));
        var english = Text(await browser.GetStringAsync(new Uri($"/track/{filed.CaseId}?lang=en", UriKind.Relative)));

        Assert.Contains("UU 99/2099 pasal 3 (T6)", page, StringComparison.Ordinal);
        Assert.Contains("dianggap dicabut (UU 99/2099 pasal 3)", page, StringComparison.Ordinal);
        Assert.Contains("45 hari kalender", page, StringComparison.Ordinal);
        Assert.Contains($"lebih dari {TestRuleSet.FilingWindowDays} hari setelah pelayanan", page, StringComparison.Ordinal);
        Assert.Contains("Tanda terima dikirim kepada pelapor (UU 99/2099 pasal 1)", page, StringComparison.Ordinal);
        Assert.Contains("UU 99/2099 art. 3 (T6)", english, StringComparison.Ordinal);
        Assert.Contains($"more than {TestRuleSet.FilingWindowDays} days after the service", english, StringComparison.Ordinal);
        Assert.Contains($"Ombudsman Republik Indonesia · Pengaduan pelayanan publik berdasarkan {TestRuleSet.ProviderAct}", page, StringComparison.Ordinal);
        Assert.Contains($"Public service complaints under {TestRuleSet.ProviderAct}", english, StringComparison.Ordinal);
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

    [Fact]
    public async Task A_report_verifies_under_the_rule_the_rule_set_names_flags_forced_appearance_at_its_summons_count_and_staff_see_its_act()
    {
        using var rules = TestRuleSet.Create();
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}", rules.Setting]);

        var report = Filing(path: "ombudsman");
        report.Remove("serviceReceivedOn");
        report.Remove("compensationClaim");
        report["eventOn"] = "2026-02-01";
        report["priorComplaint"] = new System.Text.Json.Nodes.JsonObject { ["filedOn"] = "2026-02-10", ["outcome"] = "Tidak ada jawaban." };
        var filed = await FileAsync(app, report);
        await UntilDeadlineAsync(app, filed.Token, TestRuleSet.VerificationRule);
        var receipt = Assert.Single(await MailsAsync(app, "complainant-receipt-*.eml"));

        Assert.Contains($"{TestRuleSet.VerificationDays} hari kerja sejak laporan diterima", receipt, StringComparison.Ordinal);
        NoRealArticle(receipt);

        await StaffAsync(app, filed.CaseId, CaseEvents.FileComplete);
        await UntilStageAsync(app, filed.Token, CaseStage.Examination);
        for (var missed = 1; missed <= TestRuleSet.SummonsCount; missed++)
        {
            await StaffAsync(app, filed.CaseId, CaseEvents.SummonsMissed);
            var count = missed;
            var status = await Polling.UntilAsync(
                async () => (await app.Service<CaseReader>().GetAsync(filed.CaseId, CancellationToken.None))!.Status,
                s => s?.SummonsMissed == count,
                TimeSpan.FromSeconds(30));

            // The flag is set in the same step that counts the miss that reaches the rule set's count, never before it.
            Assert.Equal(missed == TestRuleSet.SummonsCount, status!.ForcedAppearanceFlag);
        }

        var escalation = Assert.Single(await MailsAsync(app, "staff-escalation-*.eml"));
        Assert.Contains($"summons missed {TestRuleSet.SummonsCount} times", escalation, StringComparison.Ordinal);

        using var staff = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        staff.DefaultRequestHeaders.Add("Cookie", $"{Ombudsman.Functions.Identity.DevelopmentStaff.CookieName}=jkt-examiner");
        var page = Text(await staff.GetStringAsync(new Uri(Ombudsman.Web.ConsoleRoutes.Case(filed.CaseId), UriKind.Relative)));
        var english = Text(await staff.GetStringAsync(new Uri(Ombudsman.Web.ConsoleRoutes.Case(filed.CaseId) + "?lang=en", UriKind.Relative)));

        Assert.Contains($"Laporan kepada Ombudsman ({TestRuleSet.OmbudsmanAct})", page, StringComparison.Ordinal);
        Assert.Contains($"Pengaduan pelayanan publik berdasarkan {TestRuleSet.ProviderAct}", page, StringComparison.Ordinal);
        Assert.Contains($"Report to the Ombudsman ({TestRuleSet.OmbudsmanAct})", english, StringComparison.Ordinal);
        NoRealArticle(page);
        NoRealArticle(english);
    }

    /// <summary>
    /// No article or act of the real ones and none of the rules the test rule set renamed: the pinned rule set cites and
    /// names none, so one shown was written or chosen outside it.
    /// </summary>
    private static void NoRealArticle(string text)
    {
        Assert.DoesNotMatch(@"UU (25/2009|37/2008)|Law (25/2009|37/2008)", text);
        Assert.DoesNotMatch(@"\b(P5|P6|O3|O4)\b", text);
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
