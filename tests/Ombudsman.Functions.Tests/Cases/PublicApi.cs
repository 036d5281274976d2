using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.Cases;

/// <summary>Test data and HTTP helpers for the complainant and provider endpoints, against a <see cref="TestApp"/>.</summary>
internal static class PublicApi
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    /// <summary>The app on a manual clock at <see cref="Start"/>, with a recording notifier.</summary>
    public static Task<TestApp> StartAsync(AzuriteFixture azurite, RecordingCaseNotifier notifier, params string[] settings) =>
        TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}", .. settings], configureServices: s => s.AddSingleton<ICaseNotifier>(notifier));

    /// <summary>
    /// The app on the system clock, with a recording notifier: Blob Storage checks a read-only link's expiry against its
    /// own time, so tests that follow such a link cannot run on the manual clock. File with <see cref="FilingToday"/>.
    /// </summary>
    public static Task<TestApp> StartOnSystemClockAsync(AzuriteFixture azurite, params string[] settings) =>
        TestApp.StartAsync(azurite, settings, configureServices: s => s.AddSingleton<ICaseNotifier>(new RecordingCaseNotifier()));

    /// <summary><see cref="Filing"/> for an app on the system clock: the service was received three days ago, so the complaint is in time today.</summary>
    public static JsonObject FilingToday()
    {
        var filing = Filing();
        filing["serviceReceivedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("O", CultureInfo.InvariantCulture);
        return filing;
    }

    /// <summary>A complete, in-time complaint to the provider; change what a test is about.</summary>
    public static JsonObject Filing(bool confidential = false, string path = "provider") => new()
    {
        ["path"] = path,
        ["office"] = "JKT",
        ["complainant"] = new JsonObject
        {
            ["name"] = "Siti Rahmawati",
            ["address"] = "Jl. Melati No. 5, Jakarta Timur",
            ["email"] = "siti@example.org",
            ["phone"] = "+62 812 0000 0000",
            ["confidential"] = confidential,
        },
        ["provider"] = new JsonObject { ["name"] = "Dinas Kependudukan Jakarta Timur", ["kind"] = "governmentUnit", ["email"] = "dukcapil@example.go.id" },
        ["description"] = "Pembuatan KTP-el tertunda tiga bulan tanpa alasan; saya kehilangan pekerjaan yang mensyaratkannya.",
        ["remedyAsked"] = "KTP-el diterbitkan dalam 7 hari.",
        ["serviceReceivedOn"] = "2026-02-20",
        ["compensationClaim"] = 1_500_000,
        ["filedAtPlace"] = "Jakarta",
        ["signature"] = "Siti Rahmawati",
    };

    public static async Task<Filed> FileAsync(TestApp app, JsonObject filing)
    {
        using var response = await app.Client.PostAsync(new Uri("/api/complaints", UriKind.Relative), Json(filing));
        var body = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"filing: {(int)response.StatusCode} {body}");
        return new Filed(body.GetProperty("caseId").GetString()!, body.GetProperty("receiptNumber").GetString()!, body.GetProperty("trackingToken").GetString()!, body);
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = Json(body);
        }

        return request;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(TestApp app, HttpMethod method, string path, string? token, JsonNode? body = null)
    {
        using var request = Request(method, path, token, body);
        using var response = await app.Client.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<JsonElement> TrackAsync(TestApp app, string token)
    {
        var (status, body) = await SendAsync(app, HttpMethod.Get, "/api/track", token);
        Assert.True(status == HttpStatusCode.OK, $"track: {(int)status} {body}");
        return body;
    }

    /// <summary>Polls GET /api/track (at most 30 s) until the case is in <paramref name="stage"/>.</summary>
    public static Task<JsonElement> UntilStageAsync(TestApp app, string token, CaseStage stage) =>
        Polling.UntilAsync(() => TrackAsync(app, token), t => t.GetProperty("stage").GetString() == JsonNamingPolicy.CamelCase.ConvertName(stage.ToString()), TimeSpan.FromSeconds(30));

    /// <summary>Polls GET /api/track (at most 30 s) until the deadline of <paramref name="ruleId"/> is open (deadlines are computed by an activity).</summary>
    public static Task<JsonElement> UntilDeadlineAsync(TestApp app, string token, string ruleId) =>
        Polling.UntilAsync(
            () => TrackAsync(app, token),
            t => t.GetProperty("openDeadlines").EnumerateArray().Any(d => d.GetProperty("ruleId").GetString() == ruleId),
            TimeSpan.FromSeconds(30));

    /// <summary>A staff action taken through CaseCommands, so these tests stay about the public API (the staff API has its own tests).</summary>
    public static Task StaffAsync(TestApp app, string caseId, string eventName, CaseAction? action = null) =>
        app.Service<CaseCommands>().SubmitAsync(
            caseId,
            eventName,
            action ?? new CaseAction { Actor = OfficeStaff },
            CancellationToken.None);

    public static CaseActor OfficeStaff { get; } = new() { Role = CaseRole.Staff, Id = "staff-0042", Name = "Budi" };

    /// <summary>Rows and blobs the app's storage holds: access tokens, case rows, timeline rows (and id claims), instances and files.</summary>
    public static async Task<StorageSnapshot> SnapshotAsync(TestApp app)
    {
        async Task<int> RowsAsync(string table)
        {
            var client = new TableClient(app.Azurite.ConnectionString, table);
            await client.CreateIfNotExistsAsync();
            var count = 0;
            await foreach (var _ in client.QueryAsync<TableEntity>())
            {
                count++;
            }

            return count;
        }

        async Task<int> BlobsAsync(string container)
        {
            var client = new BlobContainerClient(app.Azurite.ConnectionString, container);
            if (!await client.ExistsAsync())
            {
                return 0;
            }

            var count = 0;
            await foreach (var _ in client.GetBlobsAsync())
            {
                count++;
            }

            return count;
        }

        return new StorageSnapshot(
            await RowsAsync(app.AccessTokensTable),
            await RowsAsync(app.Names.CasesTable),
            await RowsAsync(app.Names.TimelineTable),
            (await app.Durable.GetAllInstancesAsync().CollectAsync()).Count,
            await BlobsAsync(app.EvidenceNames.EvidenceContainer) + await BlobsAsync(app.EvidenceNames.ProviderDocumentsContainer));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A case filed, found complete and routed (P8 running), with the provider link staff issue then.</summary>
    public static async Task<(Filed Filed, ProviderLink Link)> RoutedCaseWithProviderLinkAsync(TestApp app, bool confidential = true)
    {
        var filed = await FileAsync(app, Filing(confidential));
        await UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await StaffAsync(app, filed.CaseId, CaseEvents.FileComplete);
        await UntilDeadlineAsync(app, filed.Token, "P8");
        return (filed, await app.Service<ProviderLinks>().IssueAsync(filed.CaseId, CancellationToken.None));
    }

    /// <summary>Uploads a file to the case's evidence with the token (multipart), returning status and body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(TestApp app, string caseId, string token, string evidenceId, string fileName, byte[] content)
    {
        using var file = new ByteArrayContent(content);
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        using var request = Request(HttpMethod.Post, $"/api/cases/{caseId}/evidence?evidenceId={evidenceId}", token);
        request.Content = form;
        using var response = await app.Client.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response));
    }
}

/// <summary>What a filing returned.</summary>
internal sealed record Filed(string CaseId, string ReceiptNumber, string Token, JsonElement Body);

/// <summary>Counts of everything a request could have stored.</summary>
internal sealed record StorageSnapshot(int AccessTokenRows, int InstanceRows, int TimelineRows, int Instances, int Blobs);
