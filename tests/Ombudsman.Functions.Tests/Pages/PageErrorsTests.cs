using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Security;
using Ombudsman.Testing;
using Ombudsman.Web;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>
/// Errors and limits on page paths are pages in the visitor's language with what to do next, never a stack trace;
/// the same conditions on API paths stay problem+json. The forms, faults and limits come from <see cref="TestPageRoutes"/>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PageErrorsTests(AzuriteFixture azurite)
{
    /// <summary>The evidence limit these apps run with: the page form limit is then three of them and the fields' allowance.</summary>
    private const long EvidenceMaxBytes = 1024;

    private static readonly long PageFormLimit = PageForms.MaxBytes(EvidenceMaxBytes);

    [Fact]
    public async Task An_unknown_address_is_the_not_found_page_in_the_visitors_language_and_an_unknown_api_path_problem_json()
    {
        await using var app = await StartAsync();
        using var visitor = Visitor(app);

        using var indonesian = await visitor.GetAsync(new Uri("/no-such-page/deeper", UriKind.Relative));
        using var english = await visitor.GetAsync(new Uri("/no-such-page?lang=en", UriKind.Relative));
        using var stillEnglish = await visitor.GetAsync(new Uri("/other-missing-page", UriKind.Relative));
        using var api = await visitor.GetAsync(new Uri("/api/no-such-route", UriKind.Relative));

        await AssertPageAsync(indonesian, HttpStatusCode.NotFound, "id", "Halaman tidak ditemukan");
        await AssertPageAsync(english, HttpStatusCode.NotFound, "en", "Page not found");
        await AssertPageAsync(stillEnglish, HttpStatusCode.NotFound, "en", "Page not found");
        await AssertProblemAsync(api, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_page_form_with_its_token_is_read_and_one_without_or_with_another_token_gets_the_expired_form_page()
    {
        await using var app = await StartAsync();
        using var visitor = Visitor(app);
        var token = await FormTokenAsync(visitor);

        using var accepted = await visitor.PostAsync(new Uri(TestPageRoutes.FormPath, UriKind.Relative), Form(token, "catatan", fileBytes: 10));
        using var missing = await visitor.PostAsync(new Uri(TestPageRoutes.FormPath, UriKind.Relative), Form(token: null, "catatan", fileBytes: 10));
        using var other = await visitor.PostAsync(new Uri(TestPageRoutes.FormPath, UriKind.Relative), Form(new string('A', 43), "catatan", fileBytes: 10));
        using var notAForm = await visitor.PostAsync(new Uri(TestPageRoutes.FormPath, UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("Received: catatan", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var refused in new[] { missing, other, notAForm })
        {
            await AssertPageAsync(refused, HttpStatusCode.BadRequest, "id", "Formulir sudah kedaluwarsa");
        }
    }

    [Fact]
    public async Task A_page_form_over_the_limit_gets_the_too_large_page_and_the_api_keeps_problem_json()
    {
        await using var app = await StartAsync();
        using var visitor = Visitor(app);
        var token = await FormTokenAsync(visitor);
        var over = (int)PageFormLimit + 1024;

        using var justUnder = await visitor.PostAsync(new Uri(TestPageRoutes.FormPath, UriKind.Relative), Form(token, "kecil", fileBytes: (int)PageFormLimit - (64 * 1024)));
        using var declared = await visitor.PostAsync(new Uri(TestPageRoutes.FormPath, UriKind.Relative), Form(token, "besar", fileBytes: over));
        // An API client sending a large body asks first (Expect: 100-continue): the server refuses at its limit before
        // the body is sent, where a body sent anyway could be cut off by the closing connection.
        using var apiPost = new HttpRequestMessage(HttpMethod.Post, new Uri(TestPageRoutes.ApiFormPath, UriKind.Relative))
        {
            Content = Form(token, "besar", fileBytes: (int)TestPageRoutes.ApiFormLimit * 2),
        };
        apiPost.Headers.ExpectContinue = true;
        using var api = await visitor.SendAsync(apiPost);

        Assert.Equal(HttpStatusCode.OK, justUnder.StatusCode);
        await AssertPageAsync(declared, HttpStatusCode.RequestEntityTooLarge, "id", "Berkas terlalu besar");
        await AssertProblemAsync(api, HttpStatusCode.RequestEntityTooLarge, "request-too-large");
    }

    [Fact]
    public void The_page_form_limit_holds_three_files_at_the_evidence_limit_and_stays_within_what_the_functions_host_lets_through()
    {
        Assert.Equal((76L * 1024 * 1024), PageForms.MaxBytes(new Ombudsman.Functions.Evidence.EvidenceOptions().MaxBytes));
        Assert.Equal(PageForms.FunctionsHostRequestLimit, PageForms.MaxBytes(50L * 1024 * 1024));
        Assert.Equal((3 * 1024) + PageForms.FieldsAllowance, PageFormLimit);
    }

    [Fact]
    public async Task A_rate_limited_page_post_gets_the_too_many_requests_page_with_retry_after_and_the_api_problem_json()
    {
        await using var app = await StartAsync("RateLimiting:PublicIntake:PermitLimit=1", "RateLimiting:PublicIntake:WindowSeconds=3600");
        using var visitor = Visitor(app);
        var token = await FormTokenAsync(visitor);
        using var english = await visitor.GetAsync(new Uri("/?lang=en", UriKind.Relative));

        using var first = await visitor.PostAsync(new Uri(TestPageRoutes.FormPath, UriKind.Relative), Form(token, "satu", fileBytes: 1));
        using var second = await visitor.PostAsync(new Uri(TestPageRoutes.FormPath, UriKind.Relative), Form(token, "dua", fileBytes: 1));
        using var api = await visitor.PostAsync(new Uri(TestPageRoutes.ApiFormPath, UriKind.Relative), Form(token, "tiga", fileBytes: 1));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertPageAsync(second, HttpStatusCode.TooManyRequests, "en", "Too many requests");
        await AssertProblemAsync(api, HttpStatusCode.TooManyRequests, "rate-limited");
        foreach (var refused in new[] { second, api })
        {
            var wait = refused.Headers.RetryAfter?.Delta;
            Assert.True(wait is { } seconds && seconds > TimeSpan.Zero && seconds <= TimeSpan.FromHours(1), $"Retry-After: {refused.Headers.RetryAfter}");
        }
    }

    [Fact]
    public async Task A_fault_on_a_page_is_the_server_error_page_without_any_of_the_fault_which_is_logged_and_on_the_api_problem_json()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await StartAsync(configure: s => s.AddSingleton<ILoggerProvider>(logs));
        using var visitor = Visitor(app);

        using var page = await visitor.GetAsync(new Uri(TestPageRoutes.FaultPath + "?lang=en", UriKind.Relative));
        using var api = await visitor.GetAsync(new Uri(TestPageRoutes.ApiFaultPath, UriKind.Relative));

        var html = await AssertPageAsync(page, HttpStatusCode.InternalServerError, "en", "Something went wrong on our side");
        var problem = await AssertProblemAsync(api, HttpStatusCode.InternalServerError, "internal-error");
        foreach (var body in new[] { html, problem })
        {
            Assert.DoesNotContain(TestPageRoutes.FaultDetail, body, StringComparison.Ordinal);
            Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        }

        Assert.Contains(logs.Records, r => r.Level == LogLevel.Error && r.AllText.Contains(TestPageRoutes.FaultDetail, StringComparison.Ordinal) && r.AllText.Contains(TestPageRoutes.FaultPath, StringComparison.Ordinal));
        Assert.Contains(logs.Records, r => r.Level == LogLevel.Error && r.AllText.Contains(TestPageRoutes.FaultDetail, StringComparison.Ordinal) && r.AllText.Contains(TestPageRoutes.ApiFaultPath, StringComparison.Ordinal));
    }

    private Task<TestApp> StartAsync(params string[] settings) => StartAsync(null, settings);

    private Task<TestApp> StartAsync(Action<IServiceCollection>? configure, params string[] settings) =>
        TestApp.StartAsync(azurite, [$"Evidence:MaxBytes={EvidenceMaxBytes}", .. settings], configureServices: s =>
        {
            TestPageRoutes.Add(s);
            configure?.Invoke(s);
        });

    /// <summary>A browser-like client: keeps the language and form-token cookies, follows no redirect.</summary>
    private static HttpClient Visitor(TestApp app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    private static async Task<string> FormTokenAsync(HttpClient visitor)
    {
        var html = await visitor.GetStringAsync(new Uri(TestPageRoutes.FormPath, UriKind.Relative));
        var marker = $"name=\"{PageContext.FormTokenField}\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    private static MultipartFormDataContent Form(string? token, string note, int fileBytes)
    {
        var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), PageContext.FormTokenField);
        }

        form.Add(new StringContent(note), "note");
        var file = new ByteArrayContent(new byte[fileBytes]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "bukti.pdf");
        return form;
    }

    private static async Task<string> AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string language, string heading)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        Assert.Contains($"<h1", html, StringComparison.Ordinal);
        Assert.Contains(heading, html, StringComparison.Ordinal);

        // What to do next: a link back to the front page at least.
        Assert.Contains($"href=\"{Routes.Home}\"", html, StringComparison.Ordinal);
        return html;
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        return body;
    }
}
