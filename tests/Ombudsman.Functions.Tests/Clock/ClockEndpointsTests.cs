using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Ombudsman.Functions.Clock;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.Clock;

/// <summary>The development clock: with Clock:Mode=Manual a caller moves time, and due statutory deadlines fire; otherwise the endpoints do not exist.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClockEndpointsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact] // UU 25/2009 art. 45(2)-(3): the 30-day cure window passes and the file is deemed withdrawn
    public async Task Advancing_the_manual_clock_31_days_fires_the_30_day_cure_window()
    {
        // Only the advance sweeps here (the background loop would race it for the same rows).
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}", "Schedule:SweepInterval=01:00:00"]);
        var filed = await PublicApi.FileAsync(app, PublicApi.Filing());
        await PublicApi.UntilDeadlineAsync(app, filed.Token, "P5");
        await PublicApi.StaffAsync(app, filed.CaseId, CaseEvents.FileIncomplete, new CaseAction { Actor = PublicApi.OfficeStaff, MissingItems = ["signature"] });
        await PublicApi.UntilDeadlineAsync(app, filed.Token, "P6");

        var before = await GetJsonAsync(app, "/api/dev/clock");
        using var response = await app.Client.PostAsJsonAsync(new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = "P31D" });
        var after = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        // The advance answers once the case has applied what fell due: no polling needed to see it.
        var tracked = await PublicApi.TrackAsync(app, filed.Token);
        Assert.Equal(Start, before.GetProperty("now").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Start.AddDays(31), after.GetProperty("now").GetDateTimeOffset());
        // Two cure reminders (7 days and 1 day before) and the cure window itself.
        Assert.Equal(3, after.GetProperty("dueApplied").GetInt32());
        Assert.Equal(Start.AddDays(31), app.Service<TimeProvider>().GetUtcNow());
        Assert.Equal("closed", tracked.GetProperty("stage").GetString());
        Assert.Equal("deemedWithdrawn", tracked.GetProperty("closedReason").GetString());
        var instance = await Polling.UntilAsync(() => app.Durable.GetInstanceAsync(filed.CaseId), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Completed);
        Assert.NotNull(instance);
    }

    [Fact] // UU 25/2009 art. 45(2)-(3): a restart in the middle of the cure window neither ends it nor restarts it
    public async Task A_restarted_app_resumes_the_manual_clock_where_it_was_moved_to()
    {
        string caseId;
        string token;
        TestApp stopped;
        await using (var first = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}", "Schedule:SweepInterval=01:00:00"]))
        {
            var filed = await PublicApi.FileAsync(first, PublicApi.Filing());
            (caseId, token) = (filed.CaseId, filed.Token);
            await PublicApi.UntilDeadlineAsync(first, token, "P5");
            await PublicApi.StaffAsync(first, caseId, CaseEvents.FileIncomplete, new CaseAction { Actor = PublicApi.OfficeStaff, MissingItems = ["signature"] });
            await PublicApi.UntilDeadlineAsync(first, token, "P6");
            using var advanced = await first.Client.PostAsync(new Uri("/api/dev/clock/advance?by=P20D", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
            stopped = first;
        }

        await using var again = await TestApp.RestartAsync(stopped);
        var resumed = await GetJsonAsync(again, "/api/dev/clock");
        var stillCuring = await PublicApi.TrackAsync(again, token);
        using var advance = await again.Client.PostAsync(new Uri("/api/dev/clock/advance?by=P11D", UriKind.Relative), null);
        var closed = await PublicApi.TrackAsync(again, token);

        Assert.Equal(Start.AddDays(20), resumed.GetProperty("now").GetDateTimeOffset());
        Assert.NotEqual("closed", stillCuring.GetProperty("stage").GetString());
        Assert.Equal(Start.AddDays(31), again.Service<TimeProvider>().GetUtcNow());
        Assert.Equal("deemedWithdrawn", closed.GetProperty("closedReason").GetString());
    }

    [Fact]
    public async Task An_explicit_start_later_than_the_stored_time_moves_the_clock_forward_and_an_earlier_one_does_not_move_it_back()
    {
        TestApp stopped;
        await using (var first = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}"]))
        {
            using var advanced = await first.Client.PostAsync(new Uri("/api/dev/clock/advance?by=P3D", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
            stopped = first;
        }

        // Same storage, same hub: the stored three days win over the configured (earlier) start.
        await using (var again = await TestApp.RestartAsync(stopped))
        {
            Assert.Equal(Start.AddDays(3), again.Service<TimeProvider>().GetUtcNow());
        }

        var later = Start.AddDays(10);
        var hub = "t" + Guid.NewGuid().ToString("N")[..10];
        var store = new ManualClockStore(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString), "OmbudsmanClock", hub);
        await store.SaveAsync(Start.AddDays(3), CancellationToken.None);
        await using var forward = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={later:O}", $"DurableTask:HubName={hub}"]);

        Assert.Equal(later, forward.Service<TimeProvider>().GetUtcNow());
        Assert.Equal(later, await store.LoadAsync(CancellationToken.None));
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
    public async Task A_manual_clock_outside_development_stops_the_app_at_start_up_even_with_the_endpoints_enabled()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(azurite, ["environment=Production", "Clock:Mode=Manual"]));
        var enabled = await Assert.ThrowsAsync<InvalidOperationException>(
            () => TestApp.StartAsync(azurite, ["environment=Production", "Clock:Mode=Manual", "Clock:EnableEndpoints=true", $"Clock:Start={Start:O}"]));

        Assert.Contains("Clock:Mode=Manual", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Clock:Mode=Manual", enabled.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetJsonAsync(TestApp app, string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
