using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ombudsman.Functions.Calendar;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.Api;

/// <summary>
/// A decree published through the API reaches the running cases whose deadlines went through its year, out of the
/// request and surviving a restart: the deadline moves on tracking, the timeline cites the decree and the complainant is
/// emailed. The decree is made up for the tests: 12 January 2027 is not a real holiday.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class CalendarAmendmentDeliveryTests(AzuriteFixture azurite)
{
    private const string Administrator = "197001-09;PST;administrator;Admin Kalender";
    private const string TestDecree = "TEST-ONLY 1/2026";

    /// <summary>Monday 21 December 2026, 09:00 WIB: O4 (14 working days) ends on 13 January 2027, provisionally.</summary>
    private static readonly DateTimeOffset LateDecember = new(2026, 12, 21, 2, 0, 0, TimeSpan.Zero);

    private static JsonObject Decree() => new()
    {
        ["decreeNumber"] = TestDecree,
        ["decreeDate"] = "2026-12-22",
        ["days"] = new JsonArray(
            new JsonObject { ["date"] = "2027-01-01", ["kind"] = "holiday", ["name"] = "New Year's Day" },
            new JsonObject { ["date"] = "2027-01-12", ["kind"] = "holiday", ["name"] = "Made-up test holiday" }),
    };

    private static async Task<Filed> FileReportAsync(TestApp app)
    {
        var filing = PublicApi.Filing(path: "ombudsman");
        filing.Remove("serviceReceivedOn");
        filing.Remove("compensationClaim");
        filing["eventOn"] = "2026-10-01";
        filing["priorComplaint"] = new JsonObject { ["filedOn"] = "2026-10-15", ["outcome"] = "No answer." };
        var filed = await PublicApi.FileAsync(app, filing);
        var deadline = (await PublicApi.UntilDeadlineAsync(app, filed.Token, "O4")).GetProperty("openDeadlines")[0];
        Assert.Equal(("2027-01-13", true), (deadline.GetProperty("dueDate").GetString(), deadline.GetProperty("provisional").GetBoolean()));
        return filed;
    }

    /// <summary>Polls tracking (bounded) until the O4 deadline's last day is <paramref name="dueDate"/>.</summary>
    private static Task<JsonElement> UntilO4EndsAsync(TestApp app, string token, string dueDate) =>
        Polling.UntilAsync(
            () => PublicApi.TrackAsync(app, token),
            t => t.GetProperty("openDeadlines").EnumerateArray().Any(d => d.GetProperty("ruleId").GetString() == "O4" && d.GetProperty("dueDate").GetString() == dueDate),
            TimeSpan.FromSeconds(60));

    [Fact]
    public async Task Publishing_a_decree_moves_a_running_deadline_it_concerns_and_tells_the_complainant()
    {
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={LateDecember:O}"]);
        var filed = await FileReportAsync(app);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/statute/calendars/2027") { Content = JsonContent.Create(Decree()) };
        request.Headers.Add("X-Dev-Staff", Administrator);
        using var published = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);

        var tracked = await UntilO4EndsAsync(app, filed.Token, "2027-01-14");
        var deadline = tracked.GetProperty("openDeadlines")[0];
        Assert.False(deadline.GetProperty("provisional").GetBoolean());
        Assert.Contains($"calendar 2027 v1, SKB No. {TestDecree} of 2026-12-22", deadline.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Contains(
            tracked.GetProperty("timeline").EnumerateArray(),
            e => e.GetProperty("what").GetString()!.StartsWith("Deadline O4 (completeness-answer) moved from 2027-01-13 to 2027-01-14", StringComparison.Ordinal)
                && e.GetProperty("what").GetString()!.Contains($"SKB No. {TestDecree} of 2026-12-22", StringComparison.Ordinal));

        // The complainant's page says so in their language, with both last days.
        using var caseRequest = new HttpRequestMessage(HttpMethod.Get, $"/track/{filed.CaseId}");
        caseRequest.Headers.Add("Cookie", "ombudsman-case=" + filed.Token);
        using var casePage = await app.Client.SendAsync(caseRequest);
        Assert.Equal(HttpStatusCode.OK, casePage.StatusCode);
        Assert.Contains(
            "berubah karena kalender hari libur diperbarui: semula Rabu, 13 Januari 2027, sekarang Kamis, 14 Januari 2027.",
            WebUtility.HtmlDecode(await casePage.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);

        var email = await Polling.UntilAsync(() => Task.FromResult(Mails(app, "complainant-deadline-moved-*.eml")), m => m.Count > 0);
        var body = Assert.Single(email);
        Assert.Contains("Semula: 13 Januari 2027 pukul 23.59 WIB.", body, StringComparison.Ordinal);
        Assert.Contains("Sekarang: 14 Januari 2027 pukul 23.59 WIB (", body, StringComparison.Ordinal);
        Assert.Contains($"SKB No. {TestDecree} tanggal", body, StringComparison.Ordinal);
    }

    [Fact] // The app stopped right after storing the version, before any case was told: started again, it tells them
    public async Task A_publication_stored_but_not_yet_told_reaches_its_cases_after_a_restart()
    {
        // Sweeping only at start (and when woken by the endpoint), so nothing tells the case before the restart.
        var stopped = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={LateDecember:O}", "Schedule:SweepInterval=01:00:00"]);
        Filed filed;
        await using (stopped)
        {
            filed = await FileReportAsync(stopped);
            var days = new JsonObject { ["decreeNumber"] = TestDecree, ["decreeDate"] = "2026-12-22", ["days"] = Decree()["days"]!.DeepClone() };
            using var document = JsonDocument.Parse(days.ToJsonString());
            var problems = new List<StatuteDataProblem>();
            var calendar = StatuteDataLoader.ParsePublishedYear(2027, document.RootElement, problems)!;
            Assert.Empty(problems);
            await stopped.Service<PublishedCalendars>().PublishAsync(calendar, "197001-09", LateDecember, CancellationToken.None);
            Assert.Equal("2027-01-13", (await PublicApi.TrackAsync(stopped, filed.Token)).GetProperty("openDeadlines")[0].GetProperty("dueDate").GetString());
        }

        await using var restarted = await TestApp.RestartAsync(stopped);

        var deadline = (await UntilO4EndsAsync(restarted, filed.Token, "2027-01-14")).GetProperty("openDeadlines")[0];
        Assert.False(deadline.GetProperty("provisional").GetBoolean());
    }

    /// <summary>The emails in the app's pickup directory matching <paramref name="pattern"/>, their base64 parts decoded.</summary>
    private static List<string> Mails(TestApp app, string pattern) =>
        Directory.Exists(app.MailDirectory)
            ? [.. Directory.GetFiles(app.MailDirectory, pattern).Select(f => Base64Part().Replace(File.ReadAllText(f), m =>
                Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["data"].Value.Replace("\r\n", "", StringComparison.Ordinal)))))]
            : [];

    [GeneratedRegex(@"(?<=Content-Transfer-Encoding: base64\r\n\r\n)(?<data>(?:[A-Za-z0-9+/=]+\r\n)+)")]
    private static partial Regex Base64Part();
}
