using System.Net;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Security;

/// <summary>Every answer of the real pipeline carries the security headers: success, refusal, unknown route, HTML page.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SecurityHeadersTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_answer_about_a_case_forbids_sniffing_referrers_framing_and_storing()
    {
        await using var app = await PublicApi.StartAsync(azurite, new RecordingCaseNotifier());
        var filed = await PublicApi.FileAsync(app, PublicApi.Filing());

        using var tracked = await GetAsync(app, "/api/track", filed.Token);
        using var refused = await GetAsync(app, "/api/track", token: null);
        using var unknown = await GetAsync(app, "/api/no-such-route", token: null);
        using var receipt = await GetAsync(app, $"/api/complaints/{filed.CaseId}/receipt", filed.Token);

        foreach (var (response, status) in new[] { (tracked, HttpStatusCode.OK), (refused, HttpStatusCode.Unauthorized), (unknown, HttpStatusCode.NotFound), (receipt, HttpStatusCode.OK) })
        {
            Assert.Equal(status, response.StatusCode);
            AssertHardened(response);
            Assert.Equal("no-store", Header(response, "Cache-Control"));
        }
    }

    [Fact]
    public async Task The_receipt_page_runs_no_script_cannot_be_framed_and_allows_only_its_own_style()
    {
        await using var app = await PublicApi.StartAsync(azurite, new RecordingCaseNotifier());
        var filed = await PublicApi.FileAsync(app, PublicApi.Filing());

        using var page = await GetAsync(app, $"/api/complaints/{filed.CaseId}/receipt.html?token={filed.Token}", token: null);
        var html = await page.Content.ReadAsStringAsync();
        var policy = Header(page, "Content-Security-Policy");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        AssertHardened(page);
        Assert.Equal("no-store", Header(page, "Cache-Control"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_statute_data_may_be_cached_but_is_otherwise_hardened()
    {
        await using var app = await TestApp.StartAsync(azurite);

        using var holidays = await GetAsync(app, "/api/statute/holidays", token: null);
        using var openApi = await GetAsync(app, "/openapi/v1.json", token: null);

        foreach (var response in new[] { holidays, openApi })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertHardened(response);
            Assert.DoesNotContain("no-store", Header(response, "Cache-Control") ?? "", StringComparison.Ordinal);
        }
    }

    private static void AssertHardened(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy") ?? "", StringComparison.Ordinal);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    private static Task<HttpResponseMessage> GetAsync(TestApp app, string path, string? token) =>
        app.Client.SendAsync(PublicApi.Request(HttpMethod.Get, path, token));
}
