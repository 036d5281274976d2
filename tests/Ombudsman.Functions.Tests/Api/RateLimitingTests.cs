using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Api;

/// <summary>Public intake is rate-limited per client (issue 5, requirement 9): past the limit, 429 problem+json with Retry-After.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RateLimitingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_third_upload_in_a_window_of_two_is_refused_with_429_and_stores_nothing()
    {
        await using var app = await TestApp.StartAsync(azurite, ["RateLimiting:PublicIntake:PermitLimit=2", "RateLimiting:PublicIntake:WindowSeconds=3600"]);

        var statuses = new List<HttpStatusCode>();
        var ids = new List<string>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            using var content = new ByteArrayContent(Files.Pdf());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            last = await app.Client.PostAsync(new Uri($"/api/cases/case-9/evidence?fileName=f{i}.pdf&uploadKey=rate-limit-{i}", UriKind.Relative), content);
            statuses.Add(last.StatusCode);
            if (last.StatusCode == HttpStatusCode.Created)
            {
                using var record = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
                ids.Add(record.RootElement.GetProperty("evidenceId").GetString()!);
            }
        }

        using var refused = last!;
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        using var stillReadable = await app.Client.GetAsync(new Uri($"/api/cases/case-9/evidence/{ids[0]}", UriKind.Relative));
        var stored = await app.Container(app.EvidenceNames.EvidenceContainer).GetBlobsAsync().CollectAsync();

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate-limited", problem.RootElement.GetProperty("code").GetString());
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3600));
        Assert.Equal(HttpStatusCode.OK, stillReadable.StatusCode);
        Assert.Equal(2, stored.Count);
    }
}
