using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Api;

/// <summary>
/// Public intake is rate-limited per client (issue 5, requirement 9): past the limit, 429 problem+json with Retry-After.
/// Filing and uploading share the limit, so the case the uploads go to, filed through the API, takes the first permit.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RateLimitingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task After_the_filing_the_third_upload_in_a_window_of_three_is_refused_with_429_and_stores_nothing()
    {
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite, "RateLimiting:PublicIntake:PermitLimit=3", "RateLimiting:PublicIntake:WindowSeconds=3600");
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());

        var statuses = new List<HttpStatusCode>();
        var ids = new List<string>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            using var content = new ByteArrayContent(Files.Pdf());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var upload = PublicApi.Request(HttpMethod.Post, $"/api/cases/{filed.CaseId}/evidence?fileName=f{i}.pdf&uploadKey=rate-limit-{i}", filed.Token);
            upload.Content = content;
            last = await app.Client.SendAsync(upload);
            statuses.Add(last.StatusCode);
            if (last.StatusCode == HttpStatusCode.Created)
            {
                using var record = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
                ids.Add(record.RootElement.GetProperty("evidenceId").GetString()!);
            }
        }

        using var refused = last!;
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        using var download = PublicApi.Request(HttpMethod.Get, $"/api/cases/{filed.CaseId}/evidence/{ids[0]}", filed.Token);
        using var stillReadable = await app.Client.SendAsync(download);
        var stored = await app.Container(app.EvidenceNames.EvidenceContainer).GetBlobsAsync().CollectAsync();

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate-limited", problem.RootElement.GetProperty("code").GetString());
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3600));
        Assert.Equal(HttpStatusCode.OK, stillReadable.StatusCode);
        Assert.Equal(2, stored.Count);
    }
}
