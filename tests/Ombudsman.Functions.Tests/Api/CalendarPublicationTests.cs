using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Staff;
using Ombudsman.Testing;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.Api;

/// <summary>
/// Publishing a year's holiday calendar through the API (administrators), its versions, and deadlines counted with the
/// latest version and naming it; a year with none is counted provisionally and shown so. The decrees here are made up
/// for the tests: they are not the real SKB 3 Menteri for 2027, and their days are not the real holidays.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CalendarPublicationTests(AzuriteFixture azurite)
{
    private const string Administrator = "197001-09;PST;administrator;Admin Kalender";
    private const string TestDecree1 = "TEST-ONLY 1/2026 (made-up test decree)";
    private const string TestDecree2 = "TEST-ONLY 2/2026 (made-up test amendment)";

    /// <summary>Monday 21 December 2026, 09:00 WIB: 14 working days (O4) end in January 2027, which ships no calendar.</summary>
    private static readonly DateTimeOffset LateDecember = new(2026, 12, 21, 2, 0, 0, TimeSpan.Zero);

    private Task<StaffApp> StartAsync() => StaffApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={LateDecember:O}"]);

    private static JsonObject Decree(string number, string date, params (string Date, string Kind, string Name)[] days) => new()
    {
        ["decreeNumber"] = number,
        ["decreeDate"] = date,
        ["days"] = new JsonArray([.. days.Select(d => (JsonNode)new JsonObject { ["date"] = d.Date, ["kind"] = d.Kind, ["name"] = d.Name })]),
    };

    private static async Task<JsonElement> PublishAsync(StaffApp app, int year, JsonObject decree, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await app.SendAsync(HttpMethod.Post, $"/api/statute/calendars/{year}", Administrator, decree);
        return await StaffApp.ReadAsync(response, expected);
    }

    [Fact]
    public async Task A_published_decree_and_its_amendment_are_kept_as_versions_and_new_deadlines_are_counted_with_the_latest_naming_it()
    {
        await using var app = await StartAsync();

        var none = await app.GetJsonAsync("/api/statute/calendars/2027", Administrator);
        var v1 = await PublishAsync(app, 2027, Decree(TestDecree1, "2026-09-15", ("2027-01-01", "holiday", "New Year's Day")));
        var v2 = await PublishAsync(app, 2027, Decree(
            TestDecree2, "2026-11-20", ("2027-01-01", "holiday", "New Year's Day"), ("2027-01-04", "collective-leave", "Made-up test leave")));
        var calendar = await app.GetJsonAsync("/api/statute/calendars/2027", StaffApp.JakartaHead);

        Assert.Equal(JsonValueKind.Null, none.GetProperty("current").ValueKind);
        Assert.True(none.GetProperty("provisional").GetBoolean());
        Assert.Empty(none.GetProperty("versions").EnumerateArray());
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal($"SKB No. {TestDecree2} of 2026-11-20", v2.GetProperty("decree").GetString());
        Assert.Equal(2, calendar.GetProperty("current").GetProperty("version").GetInt32());
        Assert.False(calendar.GetProperty("provisional").GetBoolean());
        var versions = calendar.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal([TestDecree1, TestDecree2], versions.Select(v => v.GetProperty("decreeNumber").GetString()));
        Assert.Equal(["2026-09-15", "2026-11-20"], versions.Select(v => v.GetProperty("decreeDate").GetString()));
        Assert.All(versions, v => Assert.Equal("197001-09 (Admin Kalender)", v.GetProperty("publishedBy").GetString()));
        Assert.All(versions, v => Assert.Equal(LateDecember, v.GetProperty("publishedAt").GetDateTimeOffset()));
        Assert.Equal(2, versions[1].GetProperty("days").GetArrayLength());
        var holidays = await app.GetJsonAsync("/api/statute/holidays/2027", staff: null);
        Assert.Equal(2, holidays.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, holidays.GetProperty("publishedBy").ValueKind);
        using (var staffOnly = await app.SendAsync(HttpMethod.Get, "/api/statute/calendars/2027", Administrator))
        {
            Assert.True(staffOnly.Headers.CacheControl?.NoStore, "who published is for staff only: never cached");
        }

        // O4 from Monday 21 December 2026: 6 working days in December, then 2027 without 1 and 4 January (version 2).
        var caseId = await app.FileCaseAsync(StaffApp.Jakarta, StaffApp.JakartaHead, ComplaintPath.Ombudsman);
        var deadline = (await app.GetJsonAsync($"/api/staff/cases/{caseId}", StaffApp.JakartaHead)).GetProperty("openDeadlines")[0];
        Assert.Equal("2027-01-14", deadline.GetProperty("dueDate").GetString());
        Assert.False(deadline.GetProperty("provisional").GetBoolean());
        Assert.Contains($"calendar 2027 v2, SKB No. {TestDecree2} of 2026-11-20", deadline.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact] // Validated like a data file; every problem at once, and nothing is stored
    public async Task An_invalid_decree_is_refused_with_every_problem_at_once_and_nothing_is_published()
    {
        await using var app = await StartAsync();
        var decree = Decree("", "2026-13-01", ("2026-12-31", "holiday", "Wrong year"), ("2027-03-10", "bridge-day", "Made-up"), ("2027-03-10", "holiday", "Again"));
        decree["typo"] = "x";

        var problem = await PublishAsync(app, 2027, decree, HttpStatusCode.BadRequest);

        Assert.Equal("validation-failed", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(
            ["typo", "decreeNumber", "decreeDate", "days[0].date", "days[1].kind", "days[2].date"],
            errors.Select(e => e.GetProperty("field").GetString()));
        Assert.Contains("outside the file's year 2027", errors[3].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.All(errors, e => Assert.Equal("invalid-calendar", e.GetProperty("code").GetString()));
        Assert.Empty((await app.GetJsonAsync("/api/statute/calendars/2027", Administrator)).GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task Only_an_administrator_publishes()
    {
        await using var app = await StartAsync();
        var decree = Decree(TestDecree1, "2026-09-15", ("2027-01-01", "holiday", "New Year's Day"));

        using var byHead = await app.SendAsync(HttpMethod.Post, "/api/statute/calendars/2027", StaffApp.JakartaHead, decree);
        using var anonymous = await app.SendAsync(HttpMethod.Post, "/api/statute/calendars/2027", null, decree);
        using var anonymousRead = await app.SendAsync(HttpMethod.Get, "/api/statute/calendars/2027", null);

        Assert.Equal(HttpStatusCode.Forbidden, byHead.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRead.StatusCode);
        Assert.Empty((await app.GetJsonAsync("/api/statute/calendars/2027", Administrator)).GetProperty("versions").EnumerateArray());
    }

    [Fact] // Statute:ProvisionalYears (default on): no decree for 2027, the deadline is counted and marked in every view
    public async Task A_deadline_counted_into_a_year_without_a_decree_is_marked_provisional_in_the_staff_and_tracking_views()
    {
        await using var app = await StartAsync();
        var filing = PublicApi.Filing(path: "ombudsman");
        filing.Remove("serviceReceivedOn");
        filing.Remove("compensationClaim");
        filing["eventOn"] = "2026-10-01";
        filing["priorComplaint"] = new JsonObject { ["filedOn"] = "2026-10-15", ["outcome"] = "No answer." };
        var filed = await PublicApi.FileAsync(app.App, filing);

        var tracked = (await PublicApi.UntilDeadlineAsync(app.App, filed.Token, "O4")).GetProperty("openDeadlines")[0];
        var staffCase = (await app.GetJsonAsync($"/api/staff/cases/{filed.CaseId}", StaffApp.JakartaHead)).GetProperty("openDeadlines")[0];
        var listed = (await app.GetJsonAsync("/api/staff/deadlines", StaffApp.JakartaHead)).EnumerateArray().Single(d => d.GetProperty("caseId").GetString() == filed.CaseId);

        // 6 working days in December 2026, then 2027 counted without 1 January only.
        Assert.Equal("2027-01-13", tracked.GetProperty("dueDate").GetString());
        Assert.True(tracked.GetProperty("provisional").GetBoolean());
        Assert.Contains("calendar 2027 provisional", tracked.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.True(staffCase.GetProperty("provisional").GetBoolean());
        Assert.True(listed.GetProperty("provisional").GetBoolean());
    }
}
