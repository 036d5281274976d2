using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Routing;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Staff;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Functions.Tests.Cases.PublicApi;
using static Ombudsman.Functions.Tests.Staff.StaffApp;

namespace Ombudsman.Functions.Tests.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the state-changing POSTs: a retry with the key and the same request gets the first answer
/// and changes nothing; the key with another request is 422; a retry while the first runs is 409; a 5xx is not kept.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IdempotencyKeyTests(AzuriteFixture azurite)
{
    private const string Key = "Idempotency-Key";

    [Fact]
    public async Task A_retried_filing_with_its_key_answers_the_first_case_and_token_and_files_one_case()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var key = Guid.NewGuid().ToString();

        var (first, firstBody, firstLocation, _) = await PostAsync(app, "/api/complaints", null, Filing(), key);
        var (retry, retryBody, retryLocation, replayed) = await PostAsync(app, "/api/complaints", null, Filing(), key);
        var snapshot = await SnapshotAsync(app);

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.Created, retry);
        Assert.Equal(firstBody, retryBody);
        Assert.Equal(firstLocation, retryLocation);
        Assert.Equal("true", replayed);
        Assert.Equal(1, snapshot.Instances);
        Assert.Equal(1, snapshot.InstanceRows);
        Assert.Equal(2, snapshot.AccessTokenRows); // one token: its row and its index row
        var token = JsonDocument.Parse(retryBody).RootElement.GetProperty("trackingToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(app, HttpMethod.Get, "/api/track", token)).Status);

        // The kept answer is sealed with the key, which is not stored: a copy of the table holds no token, no key.
        var stored = new List<string>();
        await foreach (var row in new TableClient(app.Azurite.ConnectionString, app.IdempotencyKeysTable).QueryAsync<TableEntity>())
        {
            stored.AddRange(row.Select(p => p.Value).Select(v => v is byte[] bytes ? Encoding.UTF8.GetString(bytes) : v?.ToString() ?? ""));
            stored.Add(row.PartitionKey);
        }

        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, v => v.Contains(token, StringComparison.Ordinal) || v.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filing_twice_without_a_key_still_files_two_cases()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());

        await FileAsync(app, Filing());
        await FileAsync(app, Filing());

        Assert.Equal(2, (await SnapshotAsync(app)).Instances);
    }

    [Fact]
    public async Task A_retried_staff_action_with_its_key_is_recorded_once_and_another_member_s_same_key_is_theirs()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await ExaminedOmbudsmanCaseAsync(app);
        var key = Guid.NewGuid().ToString();
        var path = $"/api/staff/cases/{caseId}/actions/summons-missed";
        var body = new JsonObject { ["note"] = "Did not attend the summons of 3 March." };

        var first = await StaffPostAsync(app, path, JakartaExaminer, body, key);
        var retry = await StaffPostAsync(app, path, JakartaExaminer, body, key);
        var once = await app.CaseAsync(caseId, JakartaExaminer, c => c.GetProperty("summonsMissed").GetInt32() >= 1);
        var byHead = await StaffPostAsync(app, path, JakartaHead, body, key);
        var twice = await app.CaseAsync(caseId, JakartaExaminer, c => c.GetProperty("summonsMissed").GetInt32() >= 2);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, retry.Status);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(first.Location, retry.Location);
        Assert.Equal("true", retry.Replayed);
        Assert.Equal(1, once.GetProperty("summonsMissed").GetInt32());
        Assert.Equal(2 * SummonsEntries(once), SummonsEntries(twice));
        Assert.Equal(HttpStatusCode.Accepted, byHead.Status);
        Assert.Null(byHead.Replayed);
        Assert.Equal(2, twice.GetProperty("summonsMissed").GetInt32());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_as_reused_and_changes_nothing()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var key = Guid.NewGuid().ToString();
        await PostAsync(app, "/api/complaints", null, Filing(), key);
        var before = await SnapshotAsync(app);
        var other = Filing();
        other["description"] = "Another complaint altogether.";

        var (status, body, _, _) = await PostAsync(app, "/api/complaints", null, other, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("idempotency-key-reused", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has a space in it")]
    [InlineData("semi;colon;key")]
    [InlineData("a-key-longer-than-128-characters-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789")]
    public async Task A_malformed_key_is_refused_as_problem_json_and_nothing_is_filed(string key)
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        using var request = Request(HttpMethod.Post, "/api/complaints", null, Filing());
        request.Headers.TryAddWithoutValidation(Key, key);

        using var response = await app.Client.SendAsync(request);
        var problem = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("idempotency-key-invalid", problem.GetProperty("code").GetString());
        Assert.Equal(Key, problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(0, (await SnapshotAsync(app)).Instances);
    }

    [Fact]
    public async Task A_retry_while_the_first_still_runs_is_told_to_wait_and_then_gets_the_first_answer()
    {
        var notifier = new HeldReceiptNotifier();
        await using var app = await TestApp.StartAsync(
            azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}"], configureServices: s => s.AddSingleton<ICaseNotifier>(notifier));
        var key = Guid.NewGuid().ToString();

        var first = PostAsync(app, "/api/complaints", null, Filing(), key);
        await Polling.UntilAsync(async () => (await app.Durable.GetAllInstancesAsync().CollectAsync()).Count, n => n > 0, TimeSpan.FromSeconds(30));
        using var request = Request(HttpMethod.Post, "/api/complaints", null, Filing());
        request.Headers.Add(Key, key);
        using var inFlight = await app.Client.SendAsync(request);
        var problem = await ReadAsync(inFlight);
        notifier.Release();
        var answered = await first;
        var after = await PostAsync(app, "/api/complaints", null, Filing(), key);

        Assert.Equal(HttpStatusCode.Conflict, inFlight.StatusCode);
        Assert.Equal("idempotency-key-in-flight", problem.GetProperty("code").GetString());
        Assert.NotNull(inFlight.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, answered.Status);
        Assert.Equal(answered.Body, after.Body);
        Assert.Equal(1, (await SnapshotAsync(app)).Instances);
    }

    [Fact]
    public async Task A_server_error_is_not_kept_and_the_retry_with_the_key_files_the_case()
    {
        await using var app = await TestApp.StartAsync(
            azurite,
            ["Clock:Mode=Manual", $"Clock:Start={Start:O}"],
            configureServices: s =>
            {
                s.AddSingleton<ICaseNotifier>(new RecordingCaseNotifier());
                s.AddSingleton<DurableTaskClient>(sp => new StartThenFailClient(sp.GetRequiredService<IDurableTaskClientProvider>().GetClient()) { FailuresLeft = 1 });
            });
        var key = Guid.NewGuid().ToString();

        var failed = await PostAsync(app, "/api/complaints", null, Filing(), key);
        var retried = await PostAsync(app, "/api/complaints", null, Filing(), key);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal(HttpStatusCode.Created, retried.Status);
        Assert.Null(retried.Replayed);
        Assert.Equal(1, (await SnapshotAsync(app)).Instances);
    }

    [Fact]
    public async Task A_retried_provider_link_issue_answers_the_same_link_and_leaves_it_working()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await StaffProviderLinkTests.RoutedCaseAsync(app);
        var key = Guid.NewGuid().ToString();
        var path = $"/api/staff/cases/{caseId}/provider-link";

        var first = await StaffPostAsync(app, path, JakartaExaminer, body: null, key);
        var retry = await StaffPostAsync(app, path, JakartaExaminer, body: null, key);
        var token = JsonDocument.Parse(first.Body).RootElement.GetProperty("token").GetString()!;
        var (opened, _) = await SendAsync(app.App, HttpMethod.Get, $"/api/provider/cases/{caseId}", token);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(path, retry.Location);
        Assert.Equal(HttpStatusCode.OK, opened);
    }

    [Fact]
    public async Task A_retried_withdrawal_and_provider_response_answer_as_the_first_time()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await StaffProviderLinkTests.RoutedCaseAsync(app);
        var link = JsonDocument.Parse((await StaffPostAsync(app, $"/api/staff/cases/{caseId}/provider-link", JakartaExaminer, null, "link-" + Guid.NewGuid())).Body).RootElement;
        var providerToken = link.GetProperty("token").GetString()!;
        var responseKey = Guid.NewGuid().ToString();
        var response = new JsonObject { ["response"] = "The certificate was issued on 5 March." };

        var firstResponse = await PostAsync(app.App, $"/api/provider/cases/{caseId}/response", providerToken, response, responseKey);
        var retriedResponse = await PostAsync(app.App, $"/api/provider/cases/{caseId}/response", providerToken, response, responseKey);
        var view = await app.CaseAsync(caseId, JakartaExaminer, c => c.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("what").GetString()!.Contains("5 March", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Accepted, firstResponse.Status);
        Assert.Equal(firstResponse.Body, retriedResponse.Body);
        Assert.Equal("true", retriedResponse.Replayed);
        Assert.Single(view.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString()!.Contains("5 March", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retried_withdrawal_with_its_key_is_accepted_again_not_refused_as_closed()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var filed = await FileAsync(app, Filing());
        await UntilDeadlineAsync(app, filed.Token, "P5");
        var key = Guid.NewGuid().ToString();
        var withdrawal = new JsonObject { ["reason"] = "Resolved with the office directly." };

        var first = await PostAsync(app, $"/api/complaints/{filed.CaseId}/withdraw", filed.Token, withdrawal, key);
        var retry = await PostAsync(app, $"/api/complaints/{filed.CaseId}/withdraw", filed.Token, withdrawal, key);
        var (unkeyed, problem) = await SendAsync(app, HttpMethod.Post, $"/api/complaints/{filed.CaseId}/withdraw", filed.Token, withdrawal);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, retry.Status);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(HttpStatusCode.Conflict, unkeyed);
        Assert.Equal("case-not-open", problem.GetProperty("code").GetString());
    }

    [Fact]
    public void Every_state_changing_POST_accepts_an_idempotency_key()
    {
        // The raw evidence upload has its own write-once ?evidenceId=, and the development clock changes no case.
        string[] exempt = ["UploadEvidence", "DevClockAdvance"];

        // The API's POSTs: a page's form is sent by a browser, which sends no such header; its form token, redirect
        // after post and (for filing) a one-time key in a hidden field guard it instead.
        var posts = HttpRouteTable.Create(clockEndpoints: true).Where(r => r.Methods.Contains("POST") && r.Template.StartsWith("api/", StringComparison.Ordinal)).ToList();

        Assert.All(posts.Where(r => !exempt.Contains(r.Name)), r => Assert.True(r.AcceptsIdempotencyKey, $"{r.Name} does not accept an Idempotency-Key"));
        Assert.Contains(posts, r => r.Name == "FileComplaint");
        Assert.Contains(posts, r => r.Name == "StaffCaseAction");
    }

    private static int SummonsEntries(JsonElement view) =>
        view.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("what").GetString()!.Contains("ummons", StringComparison.Ordinal));

    /// <summary>An Ombudsman-path case of Jakarta in examination, where summonses are counted.</summary>
    private static async Task<string> ExaminedOmbudsmanCaseAsync(StaffApp app)
    {
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake, ComplaintPath.Ombudsman);
        var complete = await StaffPostAsync(app, $"/api/staff/cases/{caseId}/actions/file-complete", JakartaIntake, null, null);
        Assert.Equal(HttpStatusCode.Accepted, complete.Status);
        await app.StageAsync(caseId, JakartaIntake, "examination");
        return caseId;
    }

    private static async Task<Answer> StaffPostAsync(StaffApp app, string path, string staff, JsonNode? body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-Dev-Staff", staff);
        if (key is not null)
        {
            request.Headers.Add(Key, key);
        }

        if (body is not null)
        {
            request.Content = Json(body);
        }

        using var response = await app.App.Client.SendAsync(request);
        return await AnswerOf(response);
    }

    private static async Task<Answer> PostAsync(TestApp app, string path, string? token, JsonNode body, string key)
    {
        using var request = Request(HttpMethod.Post, path, token, body);
        request.Headers.Add(Key, key);
        using var response = await app.Client.SendAsync(request);
        return await AnswerOf(response);
    }

    private static async Task<Answer> AnswerOf(HttpResponseMessage response) => new(
        response.StatusCode,
        await response.Content.ReadAsStringAsync(),
        response.Headers.Location?.OriginalString,
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) ? values.Single() : null);

    private sealed record Answer(HttpStatusCode Status, string Body, string? Location, string? Replayed);
}
