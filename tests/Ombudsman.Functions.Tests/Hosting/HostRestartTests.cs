using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>
/// The real app as its own process, killed with SIGKILL inside a cure window and started again on the same storage:
/// the durable engine picks the case up where it was, and the deadline is applied once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostRestartTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const string Staff = "198701-01;JKT;intake-officer;Dewi Lestari";

    [Fact] // UU 25/2009 art. 45(2)-(3) across a crash: one "passed" entry, one deemed-withdrawn email
    public async Task A_host_killed_inside_the_cure_window_applies_the_deadline_once_after_a_restart()
    {
        var prefix = "k" + Guid.NewGuid().ToString("N")[..10];
        var mail = Directory.CreateTempSubdirectory("ombudsman-restart-mail-");
        try
        {
            string[] settings =
            [
                "--environment=Development",
                $"--ConnectionStrings:Storage={azurite.ConnectionString}",
                $"--StorageNames:CasesTable={prefix}Cases",
                $"--StorageNames:TimelineTable={prefix}Timeline",
                $"--StorageNames:OpenDeadlinesTable={prefix}Deadlines",
                $"--StorageNames:AccessTokensTable={prefix}AccessTokens",
                $"--StorageNames:EvidenceContainer={prefix}-evidence",
                $"--StorageNames:ProviderDocumentsContainer={prefix}-provider-documents",
                $"--DurableTask:HubName={prefix}",
                "--DurableTask:PartitionCount=1",
                "--DurableTask:MaxQueuePollingInterval=00:00:00.100",
                "--Clock:Mode=Manual",
                $"--Clock:Start={PublicApi.Start:O}",
                "--Schedule:SweepInterval=01:00:00",
                $"--Email:PickupDirectory={mail.FullName}",
                $"--Email:SendRecordsTable={prefix}emailsends",
            ];

            string caseId;
            string token;
            await using (var first = AppProcess.Start(settings))
            {
                using var client = new HttpClient { BaseAddress = new Uri(await first.Listening.Task.WaitAsync(StartTimeout)) };
                (caseId, token) = await FileAsync(client);
                using var incomplete = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/file-incomplete")
                {
                    Content = JsonContent.Create(new { missingItems = new[] { "signature" } }),
                };
                incomplete.Headers.Add("X-Dev-Staff", Staff);
                using var accepted = await client.SendAsync(incomplete);
                Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
                await Polling.UntilAsync(() => TrackAsync(client, token), t => HasDeadline(t, "P6"), TimeSpan.FromSeconds(30));
                await first.KillAsync();
            }

            await using var second = AppProcess.Start(settings);
            using var restarted = new HttpClient { BaseAddress = new Uri(await second.Listening.Task.WaitAsync(StartTimeout)) };
            using var advanced = await restarted.PostAsJsonAsync(new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = "P31D" });
            Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);

            var closed = await TrackAsync(restarted, token);
            Assert.Equal("closed", closed.GetProperty("stage").GetString());
            Assert.Equal("deemedWithdrawn", closed.GetProperty("closedReason").GetString());
            var passed = closed.GetProperty("timeline").EnumerateArray()
                .Count(e => e.GetProperty("what").GetString()!.StartsWith("Deadline P6", StringComparison.Ordinal)
                    && e.GetProperty("what").GetString()!.Contains("passed", StringComparison.Ordinal));
            Assert.Equal(1, passed);
            var withdrawnMail = mail.GetFiles("*.eml")
                .Count(f => File.ReadAllText(f.FullName).Contains("X-Ombudsman-Template: complainant-deemed-withdrawn", StringComparison.Ordinal));
            Assert.Equal(1, withdrawnMail);
        }
        finally
        {
            mail.Delete(recursive: true);
        }
    }

    private static async Task<(string CaseId, string Token)> FileAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/api/complaints", UriKind.Relative), PublicApi.Json(PublicApi.Filing()));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("caseId").GetString()!, body.GetProperty("trackingToken").GetString()!);
    }

    private static async Task<JsonElement> TrackAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/track");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"track: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static bool HasDeadline(JsonElement tracked, string ruleId) =>
        tracked.GetProperty("openDeadlines").EnumerateArray().Any(d => d.GetProperty("ruleId").GetString() == ruleId);
}
