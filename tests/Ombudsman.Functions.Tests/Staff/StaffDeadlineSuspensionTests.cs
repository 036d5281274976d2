using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Staff.StaffApp;

namespace Ombudsman.Functions.Tests.Staff;

/// <summary>
/// Suspending and resuming a deadline through the staff action endpoint: who may (the head of office alone for an agreed
/// extension), what bad requests answer (and that they change nothing), and what the case, the tracking API and the
/// complainant's page show while the clock stands still and after it runs again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaffDeadlineSuspensionTests(AzuriteFixture azurite)
{
    /// <summary>Monday 2 March 2026, 09:00 WIB.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static readonly string[] ManualClock = ["Clock:Mode=Manual", $"Clock:Start={Start:O}"];

    private static JsonObject Body(string ruleId, string? reason = null, string? note = null)
    {
        var body = new JsonObject { ["ruleId"] = ruleId };
        if (reason is not null)
        {
            body["reason"] = reason;
        }

        if (note is not null)
        {
            body["note"] = note;
        }

        return body;
    }

    private static async Task<JsonElement> ActAsync(StaffApp app, string caseId, string action, string staff, JsonObject body, HttpStatusCode expected)
    {
        using var response = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/{action}", staff, body);
        return await ReadAsync(response, expected);
    }

    [Fact]
    public async Task Only_the_head_of_office_suspends_for_an_agreed_extension_bad_requests_change_nothing_and_resuming_moves_the_last_day()
    {
        await using var app = await StaffApp.StartAsync(azurite, ManualClock);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);
        var before = await app.GetJsonAsync($"/api/staff/cases/{caseId}", JakartaHead);

        var examiner = await ActAsync(app, caseId, "suspend-deadline", JakartaExaminer, Body("P5", "agreedExtension"), HttpStatusCode.Forbidden);
        var elsewhere = await ActAsync(app, caseId, "suspend-deadline", BandungHead, Body("P5", "agreedExtension"), HttpStatusCode.NotFound);
        var badReason = await ActAsync(app, caseId, "suspend-deadline", JakartaHead, Body("P5", "holiday"), HttpStatusCode.BadRequest);
        var noReason = await ActAsync(app, caseId, "suspend-deadline", JakartaHead, Body("P5"), HttpStatusCode.BadRequest);
        var noDeadline = await ActAsync(app, caseId, "suspend-deadline", JakartaHead, Body("P8", "forceMajeure"), HttpStatusCode.Conflict);
        var notSuspended = await ActAsync(app, caseId, "resume-deadline", JakartaHead, Body("P5"), HttpStatusCode.Conflict);

        Assert.Equal("role-not-allowed", examiner.GetProperty("code").GetString());
        Assert.Contains("head-of-office", examiner.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("case-not-found", elsewhere.GetProperty("code").GetString());
        Assert.Equal("validation-failed", badReason.GetProperty("code").GetString());
        Assert.Equal(("reason", "invalid-suspension-reason"), (badReason.GetProperty("errors")[0].GetProperty("field").GetString(), badReason.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Contains("agreedExtension", badReason.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("action-details-missing", noReason.GetProperty("code").GetString());
        Assert.Equal(("deadline-not-running", "ruleId"), (noDeadline.GetProperty("code").GetString(), noDeadline.GetProperty("errors")[0].GetProperty("field").GetString()));
        Assert.Equal("deadline-not-suspended", notSuspended.GetProperty("code").GetString());
        var unchanged = await app.GetJsonAsync($"/api/staff/cases/{caseId}", JakartaHead);
        Assert.Equal(before.GetProperty("timeline").GetArrayLength(), unchanged.GetProperty("timeline").GetArrayLength());
        Assert.Equal(before.GetProperty("openDeadlines").GetRawText(), unchanged.GetProperty("openDeadlines").GetRawText());

        await ActAsync(app, caseId, "suspend-deadline", JakartaHead, Body("P5", "agreedExtension", "both parties asked for a week"), HttpStatusCode.Accepted);
        var suspended = (await app.GetJsonAsync($"/api/staff/cases/{caseId}", JakartaExaminer)).GetProperty("openDeadlines")[0];
        Assert.Equal("2026-03-02", suspended.GetProperty("suspended").GetProperty("sinceDate").GetString());
        Assert.Equal("agreedExtension", suspended.GetProperty("suspended").GetProperty("reason").GetString());
        Assert.Empty((await app.GetJsonAsync($"/api/staff/deadlines?from={Start.AddDays(-1):O}&to={Start.AddDays(60):O}".Replace("+", "%2B", StringComparison.Ordinal), JakartaHead)).EnumerateArray());
        var again = await ActAsync(app, caseId, "suspend-deadline", JakartaHead, Body("P5", "forceMajeure"), HttpStatusCode.Conflict);
        Assert.Equal("deadline-already-suspended", again.GetProperty("code").GetString());
        var examinerResumes = await ActAsync(app, caseId, "resume-deadline", JakartaExaminer, Body("P5"), HttpStatusCode.Forbidden);
        Assert.Equal("role-not-allowed", examinerResumes.GetProperty("code").GetString());

        using (var advanced = await app.SendAsync(HttpMethod.Post, "/api/dev/clock/advance?by=P4D", staff: null))
        {
            await ReadAsync(advanced, HttpStatusCode.OK);
        }

        await ActAsync(app, caseId, "resume-deadline", JakartaHead, Body("P5"), HttpStatusCode.Accepted);

        var resumed = (await app.GetJsonAsync($"/api/staff/cases/{caseId}", JakartaIntake)).GetProperty("openDeadlines")[0];
        Assert.Equal("2026-03-20", resumed.GetProperty("dueDate").GetString());
        Assert.False(resumed.TryGetProperty("suspended", out var none) && none.ValueKind != JsonValueKind.Null);
        Assert.Contains(
            "suspended 4 calendar days from 2026-03-02 to 2026-03-06: agreed extension by the parties",
            resumed.GetProperty("explanation").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_examiner_suspends_for_force_majeure_and_the_complainant_sees_the_suspension_not_a_countdown()
    {
        await using var app = await TestApp.StartAsync(azurite, ManualClock);
        var filed = await PublicApi.FileAsync(app, PublicApi.Filing());
        await PublicApi.UntilDeadlineAsync(app, filed.Token, "P5");
        using (var response = await SendAsync(app, filed.CaseId, "suspend-deadline", JakartaExaminer, Body("P5", "forceMajeure", "office flooded")))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var tracked = (await PublicApi.TrackAsync(app, filed.Token)).GetProperty("openDeadlines")[0];
        Assert.Equal("2026-03-02", tracked.GetProperty("suspended").GetProperty("sinceDate").GetString());
        Assert.Equal("forceMajeure", tracked.GetProperty("suspended").GetProperty("reason").GetString());
        Assert.False(tracked.GetProperty("suspended").TryGetProperty("by", out _));
        var timeline = (await PublicApi.TrackAsync(app, filed.Token)).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToList();
        Assert.DoesNotContain(timeline, w => w!.Contains("office flooded", StringComparison.Ordinal));

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
        var english = await browser.GetStringAsync(new Uri($"/track/{filed.CaseId}?token={filed.Token}&lang=en", UriKind.Relative));
        Assert.Contains("suspended since Monday, 2 March 2026: force majeure; the last day will move", english, StringComparison.Ordinal);
        Assert.Contains("Deadline suspended: ", english, StringComparison.Ordinal);
        Assert.DoesNotContain("days left", english, StringComparison.Ordinal);
        var indonesian = await browser.GetStringAsync(new Uri($"/track/{filed.CaseId}?lang=id", UriKind.Relative));
        Assert.Matches("dihentikan sementara sejak [^<]*2 Maret 2026: keadaan kahar", indonesian);
    }

    private static async Task<HttpResponseMessage> SendAsync(TestApp app, string caseId, string action, string staff, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/{action}") { Content = PublicApi.Json(body) };
        request.Headers.Add("X-Dev-Staff", staff);
        return await app.Client.SendAsync(request);
    }
}
