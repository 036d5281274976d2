using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.Api;

/// <summary>The statute description API over real HTTP: Kestrel on a free loopback port, the shipped data, a fake clock.</summary>
public sealed class StatuteEndpointsTests : IAsyncLifetime
{
    // Each test gets its own app and clock; the clock starts on New Year's Eve 2024, 23:30 WIB, and only moves forward.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 12, 31, 16, 30, 0, TimeSpan.Zero));
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddStatute();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        _app = builder.Build();
        _app.MapHttpRoutes(new HttpRouteTable().AddStatuteRoutes());
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Every_rule_is_listed_with_its_citation_duration_and_basis()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 16, 3, 0, 0, TimeSpan.Zero));

        var json = await GetJsonAsync("/api/statute/rules");

        Assert.Equal("2025.1", json.GetProperty("inForce").GetString());
        var ruleSet = Assert.Single(json.GetProperty("ruleSets").EnumerateArray());
        Assert.Equal("2025-01-01", ruleSet.GetProperty("effectiveFrom").GetString());
        var rules = ruleSet.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(26, rules.Count); // P1-P11, O1-O13, and the policy steps O7A and O10A
        Assert.All(rules.Values, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("citation").GetString())));

        var o4 = rules["O4"];
        Assert.Equal("policy", o4.GetProperty("basis").GetString());
        Assert.Equal("by office policy", o4.GetProperty("basisText").GetString());
        Assert.Equal(14, o4.GetProperty("duration").GetProperty("amount").GetInt32());
        Assert.Equal("working", o4.GetProperty("duration").GetProperty("dayType").GetString());
        Assert.Equal("14 working days", o4.GetProperty("durationText").GetString());

        var p6 = rules["P6"];
        Assert.Equal("UU 25/2009 art. 45(2)-(3)", p6.GetProperty("citation").GetString());
        Assert.Equal("statutory", p6.GetProperty("basis").GetString());
        Assert.Equal("completeness-response-received", p6.GetProperty("trigger").GetString());

        var p10 = rules["P10"];
        Assert.Equal(JsonValueKind.Null, p10.GetProperty("duration").ValueKind);
        Assert.Equal("set in the decision", p10.GetProperty("durationText").GetString());
    }

    [Fact]
    public async Task The_version_in_force_can_be_asked_for_a_date()
    {
        var before = await GetJsonAsync("/api/statute/rules?on=2024-06-01");
        var after = await GetJsonAsync("/api/statute/rules?on=2027-06-01");

        Assert.Equal(JsonValueKind.Null, before.GetProperty("inForce").ValueKind);
        Assert.Equal("2025.1", after.GetProperty("inForce").GetString());
    }

    [Fact]
    public async Task Without_a_date_the_version_in_force_is_the_one_of_today_in_Jakarta()
    {
        // 31 December 2024 16:30 UTC is 23:30 WIB; an hour later it is 1 January 2025, the day 2025.1 takes effect,
        // while in UTC it is still 31 December.
        var newYearsEve = await GetJsonAsync("/api/statute/rules");
        _clock.Advance(TimeSpan.FromHours(1));
        var newYear = await GetJsonAsync("/api/statute/rules");

        Assert.Equal("2025-01-01", newYear.GetProperty("on").GetString());
        Assert.Equal("2025.1", newYear.GetProperty("inForce").GetString());
        Assert.Equal("2024-12-31", newYearsEve.GetProperty("on").GetString());
        Assert.Equal(JsonValueKind.Null, newYearsEve.GetProperty("inForce").ValueKind);
    }

    [Fact]
    public async Task A_malformed_date_is_a_problem_with_a_stable_code()
    {
        var problem = await GetJsonAsync("/api/statute/rules?on=16-03-2026", HttpStatusCode.BadRequest);

        Assert.Equal("invalid-date", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task One_rule_set_version_can_be_read_by_its_id()
    {
        var json = await GetJsonAsync("/api/statute/rules/2025.1");

        Assert.Equal("2025.1", json.GetProperty("version").GetString());
        Assert.Equal(26, json.GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_rule_set_version_is_404_problem_json()
    {
        using var response = await Client.GetAsync(new Uri("/api/statute/rules/1999.1", UriKind.Relative));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rule-set-not-found", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("urn:ombudsman:problem:rule-set-not-found", problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Every_holiday_year_is_listed_with_its_decree_and_days()
    {
        var json = await GetJsonAsync("/api/statute/holidays");

        var years = json.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal([2025, 2026], years.Select(y => y.GetProperty("year").GetInt32()));
        Assert.All(years, y => Assert.Contains("SKB 3 Menteri", y.GetProperty("decree").GetString(), StringComparison.Ordinal));
        var march20 = years[1].GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2026-03-20");
        Assert.Equal("collective-leave", march20.GetProperty("kind").GetString());
        Assert.Equal(25, years[1].GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task One_holiday_year_can_be_read_and_a_missing_year_is_404()
    {
        var year = await GetJsonAsync("/api/statute/holidays/2025");
        var missing = await GetJsonAsync("/api/statute/holidays/2027", HttpStatusCode.NotFound);

        Assert.Equal(28, year.GetProperty("days").GetArrayLength());
        Assert.Equal("holiday-year-not-loaded", missing.GetProperty("code").GetString());
    }
}
