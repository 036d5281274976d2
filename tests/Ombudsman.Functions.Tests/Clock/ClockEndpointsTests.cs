using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ombudsman.Functions.Hosting;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Durable;

namespace Ombudsman.Functions.Tests.Clock;

/// <summary>The development clock: with Clock:Mode=Manual a caller moves time, and due statutory deadlines fire; otherwise the endpoints do not exist.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClockEndpointsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static void CureWindow(DurableRegistry registry) => registry.AddOrchestration<string, string>("CureWindow", "1", async (context, _) =>
    {
        var outcome = await context.WaitForEventOrDeadlineAsync<string>(
            "FileCured",
            context.CurrentUtcDateTime.AddDays(30),
            new DeadlineInfo { Kind = "cure-window", Citation = "UU 25/2009 art. 45(2)-(3)" });
        return outcome.TimedOut ? "deemed-withdrawn" : "cured";
    });

    [Fact]
    public async Task Advancing_the_manual_clock_31_days_fires_the_30_day_cure_window()
    {
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}"], CureWindow);
        var id = await app.Durable.StartAsync("CureWindow", "case-1");
        await Polling.UntilAsync(async () => await app.Durable.ListDeadlinesAsync(new DeadlineQuery { DueFrom = Start, DueTo = Start.AddDays(60) }), d => d.Count == 1);

        var before = await GetJsonAsync(app, "/api/dev/clock");
        using var response = await app.Client.PostAsJsonAsync(new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = "P31D" });
        var after = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var status = await Polling.UntilAsync(() => app.Durable.GetStatusAsync(id), s => s is { Status: OrchestrationStatus.Completed });

        Assert.Equal(Start, before.GetProperty("now").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Start.AddDays(31), after.GetProperty("now").GetDateTimeOffset());
        Assert.Equal(Start.AddDays(31), app.Service<TimeProvider>().GetUtcNow());
        Assert.Equal("deemed-withdrawn", status!.ReadOutput<string>());
    }

    [Fact]
    public async Task The_duration_can_be_given_in_the_query_and_a_bad_one_is_a_problem_naming_the_field()
    {
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}"]);

        using var ok = await app.Client.PostAsync(new Uri("/api/dev/clock/advance?by=PT2H", UriKind.Relative), null);
        using var bad = await app.Client.PostAsJsonAsync(new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = "31 days" });
        using var backwards = await app.Client.PostAsJsonAsync(new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = "-P1D" });
        var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("validation-failed", problem.GetProperty("code").GetString());
        Assert.Equal("by", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("invalid-duration", problem.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(Start.AddHours(2), app.Service<TimeProvider>().GetUtcNow());
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Without_a_manual_clock_the_endpoints_do_not_exist(string environment)
    {
        await using var app = await TestApp.StartAsync(azurite, [$"environment={environment}"]);

        using var get = await app.Client.GetAsync(new Uri("/api/dev/clock", UriKind.Relative));
        using var advance = await app.Client.PostAsJsonAsync(new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = "P31D" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, advance.StatusCode);
        Assert.Same(TimeProvider.System, app.Service<TimeProvider>());
    }

    [Fact]
    public async Task A_manual_clock_outside_development_needs_the_explicit_setting()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(azurite, ["environment=Production", "Clock:Mode=Manual"]));
        await using var allowed = await TestApp.StartAsync(azurite, ["environment=Production", "Clock:Mode=Manual", "Clock:EnableEndpoints=true", $"Clock:Start={Start:O}"]);

        Assert.Contains("Clock:EnableEndpoints=true", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Start, (await GetJsonAsync(allowed, "/api/dev/clock")).GetProperty("now").GetDateTimeOffset());
    }

    private static async Task<JsonElement> GetJsonAsync(TestApp app, string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
