using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Ombudsman.Functions.Functions;
using Ombudsman.Functions.Hosting;
using Ombudsman.Testing;
using Ombudsman.Web;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>
/// Routes as the Functions worker runs them: the invoked function's endpoint behind the same middleware as the local
/// host (problem handling, rate limiting, authentication, authorization). No Functions host runs here, so each request
/// is the HttpContext the worker's ASP.NET Core integration would hand over: routed already, the client's address
/// taken from X-Forwarded-For by the integration's forwarded-headers middleware. (The worker's environment comes from
/// the Functions host, so these workers run as Production.)
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsWorkerRoutesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_route_answers_as_it_does_locally()
    {
        using var worker = Worker();

        var health = await InvokeAsync(worker, "Health", "GET", "/api/health");
        var year = await InvokeAsync(worker, "StatuteHolidayYear", "GET", "/api/statute/holidays/1999", routeValues: new() { ["year"] = "1999" });

        Assert.Equal((200, "{\"status\":\"ok\",\"checks\":{\"tables\":\"ok\",\"blobs\":\"ok\"}}"), (health.Status, health.Body));
        Assert.Equal(404, year.Status);
        Assert.Equal("holiday-year-not-loaded", year.Code);
    }

    [Fact]
    public async Task Domain_errors_and_unreadable_bodies_are_problem_json()
    {
        using var worker = Worker();

        var invalid = await InvokeAsync(worker, "FileComplaint", "POST", "/api/complaints", "{}");
        var malformed = await InvokeAsync(worker, "FileComplaint", "POST", "/api/complaints", "not json");

        Assert.Equal((400, "application/problem+json", "validation-failed"), (invalid.Status, invalid.ContentType, invalid.Code));
        Assert.Equal((400, "application/problem+json", "malformed-request"), (malformed.Status, malformed.ContentType, malformed.Code));
    }

    [Fact]
    public async Task Staff_routes_need_a_staff_member()
    {
        using var worker = Worker();

        var anonymous = await InvokeAsync(worker, "StaffDeadlines", "GET", "/api/staff/deadlines");

        Assert.Equal((401, "application/problem+json", "unauthenticated"), (anonymous.Status, anonymous.ContentType, anonymous.Code));
    }

    [Fact]
    public async Task Answers_and_refusals_carry_the_security_headers()
    {
        using var worker = Worker();

        var refused = await InvokeAsync(worker, "TrackCase", "GET", "/api/track");
        var holidays = await InvokeAsync(worker, "StatuteHolidayYears", "GET", "/api/statute/holidays");

        Assert.Equal((401, "token-required"), (refused.Status, refused.Code));
        Assert.Equal(200, holidays.Status);
        foreach (var answer in new[] { refused, holidays })
        {
            Assert.Equal("nosniff", answer.Headers.XContentTypeOptions.ToString());
            Assert.Equal("no-referrer", answer.Headers["Referrer-Policy"].ToString());
            Assert.Contains("frame-ancestors 'none'", answer.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal("no-store", refused.Headers.CacheControl.ToString());
        Assert.NotEqual("no-store", holidays.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task Public_intake_is_rate_limited_per_forwarded_client()
    {
        using var worker = Worker("RateLimiting:PublicIntake:PermitLimit=1", "RateLimiting:PublicIntake:WindowSeconds=3600");
        var first = IPAddress.Parse("203.0.113.10");
        var second = IPAddress.Parse("203.0.113.11");

        var one = await InvokeAsync(worker, "FileComplaint", "POST", "/api/complaints", "{}", first);
        var other = await InvokeAsync(worker, "FileComplaint", "POST", "/api/complaints", "{}", second);
        var oneAgain = await InvokeAsync(worker, "FileComplaint", "POST", "/api/complaints", "{}", first);

        Assert.Equal(400, one.Status);
        Assert.Equal(400, other.Status);
        Assert.Equal((429, "rate-limited"), (oneAgain.Status, oneAgain.Code));
    }

    [Fact]
    public async Task An_idempotency_key_is_honoured_by_the_worker_as_by_the_local_host()
    {
        var (prefix, args) = TestApp.Arguments(azurite);
        using var worker = FunctionsWorkerHost.Build(args);
        await new Azure.Data.Tables.TableClient(azurite.ConnectionString, prefix + "IdempotencyKeys").CreateIfNotExistsAsync();
        var key = Guid.NewGuid().ToString();

        var invalid = await InvokeAsync(worker, "FileComplaint", "POST", "/api/complaints", "{}", idempotencyKey: "no");
        var first = await InvokeAsync(worker, "FileComplaint", "POST", "/api/complaints", "{}", idempotencyKey: key);
        var retry = await InvokeAsync(worker, "FileComplaint", "POST", "/api/complaints", "{}", idempotencyKey: key);
        var reused = await InvokeAsync(worker, "FileComplaint", "POST", "/api/complaints", "{\"path\":\"provider\"}", idempotencyKey: key);

        Assert.Equal((400, "idempotency-key-invalid"), (invalid.Status, invalid.Code));
        Assert.Equal((400, "validation-failed", null), (first.Status, first.Code, first.Replayed));
        Assert.Equal((400, "validation-failed", "true"), (retry.Status, retry.Code, retry.Replayed));
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal((422, "idempotency-key-reused"), (reused.Status, reused.Code));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_routes_not_the_functions_hosts_view_of_them()
    {
        using var worker = Worker();

        var openApi = await InvokeAsync(worker, "OpenApi", "GET", "/openapi/v1.json", routeValues: new() { ["documentName"] = "v1" });
        using var document = JsonDocument.Parse(openApi.Body);
        var upload = document.RootElement.GetProperty("paths").GetProperty("/api/cases/{caseId}/evidence").GetProperty("post");

        Assert.Equal(200, openApi.Status);
        Assert.Equal("Evidence", upload.GetProperty("tags")[0].GetString());
        Assert.True(upload.GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public async Task The_pages_are_served_by_the_worker_the_home_page_at_the_root_its_stylesheet_under_assets_and_any_other_address_not_found()
    {
        using var worker = Worker();
        var stylesheet = PageAssets.StylesheetPath;

        var home = await InvokeAsync(worker, "HomePage", "GET", "/");
        var css = await InvokeAsync(worker, "PageAsset", "GET", stylesheet, routeValues: new() { ["name"] = stylesheet[PageAssets.PathPrefix.Length..] });
        var english = await InvokeAsync(worker, "HomePage", "GET", "/", query: "?lang=en");
        var unknown = await InvokeAsync(worker, "NotFoundPage", "GET", "/no-such-page", routeValues: new() { ["page"] = "no-such-page" });

        Assert.Equal((200, "text/html"), (home.Status, home.ContentType));
        Assert.Contains("<html lang=\"id\"", home.Body, StringComparison.Ordinal);
        Assert.Contains($"href=\"{stylesheet}\"", home.Body, StringComparison.Ordinal);
        Assert.Equal((200, "text/css"), (css.Status, css.ContentType));
        Assert.Contains("public", css.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        Assert.Equal(PageAssets.Find(stylesheet[PageAssets.PathPrefix.Length..])!.Content.Length, Encoding.UTF8.GetByteCount(css.Body));
        Assert.Contains("<html lang=\"en\"", english.Body, StringComparison.Ordinal);
        Assert.Equal((404, "text/html"), (unknown.Status, unknown.ContentType));
        Assert.Contains("Halaman tidak ditemukan", unknown.Body, StringComparison.Ordinal);
    }

    private IHost Worker(params string[] settings) => FunctionsWorkerHost.Build(TestApp.Arguments(azurite, settings).Args);

    private static async Task<Answer> InvokeAsync(
        IHost worker,
        string function,
        string method,
        string path,
        string? json = null,
        IPAddress? client = null,
        RouteValueDictionary? routeValues = null,
        string? idempotencyKey = null,
        string? query = null)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };

        // The [DurableClient] binding the Functions host passes with each invocation; no request here reaches the engine.
        using var engine = GrpcChannel.ForAddress("http://127.0.0.1:9");
        scope.ServiceProvider.GetRequiredService<InvocationDurableClient>().Client =
            new GrpcDurableTaskClient("invocation", new GrpcDurableTaskClientOptions { Channel = engine }, NullLogger.Instance);

        // Kestrel (the worker's server) says a request may have a body; a bare DefaultHttpContext does not.
        context.Features.Set<IHttpRequestBodyDetectionFeature>(new RequestMayHaveBody());
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.RouteValues = routeValues ?? [];
        context.Connection.RemoteIpAddress = client ?? IPAddress.Loopback;
        if (idempotencyKey is not null)
        {
            context.Request.Headers["Idempotency-Key"] = idempotencyKey;
        }

        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        using var response = new MemoryStream();
        context.Response.Body = response;
        await worker.Services.GetRequiredService<HttpRouteInvoker>().Result(function).ExecuteAsync(context);

        var body = Encoding.UTF8.GetString(response.ToArray());
        var code = context.Response.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()
            : null;
        return new Answer(context.Response.StatusCode, context.Response.ContentType?.Split(';')[0], body, code, context.Response.Headers);
    }

    private sealed record Answer(int Status, string? ContentType, string Body, string? Code, IHeaderDictionary Headers)
    {
        public string? Replayed => Headers.TryGetValue("Idempotent-Replayed", out var value) ? value.ToString() : null;
    }

    private sealed class RequestMayHaveBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
