using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Cases;

/// <summary>
/// What a case's provider may hand in through its link is bounded (responses, documents, their total size) and how
/// fast is rate-limited per case; a refused post is problem+json and stores nothing. Through the HTTP pipeline on real
/// filed cases with real provider links.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProviderLimitsTests(AzuriteFixture azurite)
{
    private const string Generous = "Provider:PermitLimit=1000";

    [Fact]
    public async Task A_response_over_the_case_bound_is_refused_409_and_never_reaches_the_case()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier(), "Provider:MaxResponses=2", Generous);
        var (filed, link) = await RoutedCaseWithProviderLinkAsync(app);

        var statuses = new List<HttpStatusCode>();
        JsonElement refused = default;
        for (var i = 1; i <= 3; i++)
        {
            (var status, refused) = await RespondAsync(app, filed.CaseId, link.Token, $"Tanggapan {i}.");
            statuses.Add(status);
        }

        var tracked = await Polling.UntilAsync(() => TrackAsync(app, filed.Token), t => Responses(t) >= 2, TimeSpan.FromSeconds(30));
        var (raised, _) = await RespondAsync(app, filed.CaseId, link.Token, "Tanggapan 4.");

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Conflict], statuses);
        Assert.Equal("provider-response-limit", refused.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, raised);
        Assert.Equal(2, Responses(tracked));
        Assert.Equal(2, await AllowanceAsync(app, filed.CaseId, "Responses"));
    }

    [Fact]
    public async Task A_document_over_the_case_count_is_refused_409_and_stores_no_file()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier(), "Provider:MaxDocuments=2", Generous);
        var (filed, link) = await RoutedCaseWithProviderLinkAsync(app);

        var first = await UploadAsync(app, filed.CaseId, link.Token, "dokumen-satu", "satu.pdf", Files.Pdf());
        var second = await UploadAsync(app, filed.CaseId, link.Token, "dokumen-dua", "dua.pdf", Files.Pdf());
        var third = await UploadAsync(app, filed.CaseId, link.Token, "dokumen-tiga", "tiga.pdf", Files.Pdf());
        var stored = await app.Container(app.EvidenceNames.ProviderDocumentsContainer).GetBlobsAsync().CollectAsync();

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.Status, second.Status));
        Assert.Equal(HttpStatusCode.Conflict, third.Status);
        Assert.Equal("provider-documents-limit", third.Body.GetProperty("code").GetString());
        Assert.Equal(2, stored.Count);
    }

    [Fact]
    public async Task A_document_past_the_case_total_size_is_refused_413_stores_nothing_and_frees_its_reservation()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier(), "Provider:MaxDocumentBytes=1000", Generous);
        var (filed, link) = await RoutedCaseWithProviderLinkAsync(app);

        var fits = await UploadAsync(app, filed.CaseId, link.Token, "dokumen-besar", "besar.pdf", Files.Pdf(padding: 550));
        var tooMuch = await UploadAsync(app, filed.CaseId, link.Token, "dokumen-lebih", "lebih.pdf", Files.Pdf(padding: 550));
        var small = await UploadAsync(app, filed.CaseId, link.Token, "dokumen-kecil", "kecil.pdf", Files.Pdf(padding: 100));
        var stored = await app.Container(app.EvidenceNames.ProviderDocumentsContainer).GetBlobsAsync().CollectAsync();

        Assert.Equal(HttpStatusCode.Created, fits.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMuch.Status);
        Assert.Equal("provider-documents-size-limit", tooMuch.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, small.Status);
        Assert.Equal(
            new[] { fits, small }.Select(u => u.Body.GetProperty("evidenceId").GetString()).Order(StringComparer.Ordinal),
            stored.Select(b => b.Name.Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.Equal(fits.Body.GetProperty("size").GetInt64() + small.Body.GetProperty("size").GetInt64(), await AllowanceAsync(app, filed.CaseId, "DocumentBytes"));
    }

    [Fact]
    public async Task Provider_posts_past_the_rate_limit_get_429_with_Retry_After_per_case()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier(), "Provider:PermitLimit=2", "Provider:WindowSeconds=3600");
        var (filed, link) = await RoutedCaseWithProviderLinkAsync(app);
        var (other, otherLink) = await RoutedCaseWithProviderLinkAsync(app);

        var first = await UploadAsync(app, filed.CaseId, link.Token, "lampiran-satu", "satu.pdf", Files.Pdf());
        var (second, _) = await RespondAsync(app, filed.CaseId, link.Token, "Tanggapan.");
        using var third = Request(HttpMethod.Post, $"/api/provider/cases/{filed.CaseId}/response", link.Token, new JsonObject { ["response"] = "Lagi." });
        using var refused = await app.Client.SendAsync(third);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        var upload = await UploadAsync(app, filed.CaseId, link.Token, "lampiran-dua", "dua.pdf", Files.Pdf());
        var (otherCase, _) = await RespondAsync(app, other.CaseId, otherLink.Token, "Tanggapan kasus lain.");
        var stored = await app.Container(app.EvidenceNames.ProviderDocumentsContainer).GetBlobsAsync().CollectAsync();

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Accepted), (first.Status, second));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate-limited", problem.RootElement.GetProperty("code").GetString());
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3600));
        Assert.Equal(HttpStatusCode.TooManyRequests, upload.Status);
        Assert.Equal(HttpStatusCode.Accepted, otherCase);
        Assert.Single(stored);
        Assert.Equal(1, await AllowanceAsync(app, filed.CaseId, "Responses"));
    }

    [Theory]
    [InlineData("Provider:MaxResponses=0")]
    [InlineData("Provider:MaxDocumentBytes=0")]
    [InlineData("Provider:WindowSeconds=0")]
    public async Task A_bound_below_one_stops_the_app_at_start_up(string setting)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(azurite, [setting]));

        Assert.Contains("Provider:", failure.Message, StringComparison.Ordinal);
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> RespondAsync(TestApp app, string caseId, string token, string response) =>
        SendAsync(app, HttpMethod.Post, $"/api/provider/cases/{caseId}/response", token, new JsonObject { ["response"] = response });

    private static int Responses(JsonElement tracked) =>
        tracked.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("what").GetString()!.StartsWith(CaseEvents.ProviderResponseSubmitted, StringComparison.Ordinal));

    private static async Task<long> AllowanceAsync(TestApp app, string caseId, string property)
    {
        var table = new TableClient(app.Azurite.ConnectionString, app.ProviderAllowanceTable);
        var row = await table.GetEntityAsync<TableEntity>(caseId, "provider");
        return Convert.ToInt64(row.Value[property], System.Globalization.CultureInfo.InvariantCulture);
    }
}
