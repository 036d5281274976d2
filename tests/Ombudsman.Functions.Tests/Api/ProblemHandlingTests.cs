using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Ombudsman.Functions.Api;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Tests.Api;

/// <summary>Every refusal of the API (paths under /api; pages answer in HTML) is RFC 9457 problem+json with a stable code and the fields at fault, over real HTTP.</summary>
public sealed class ProblemHandlingTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddProblemHandling();
        _app = builder.Build();
        _app.UseProblemHandling();
        _app.MapGet("/api/refuse/{kind}", (DomainErrorKind kind) =>
        {
            throw new DomainException(kind, "test-" + kind.ToString().ToLowerInvariant(), "Refused for the test.", "complaint.description");
        });
        _app.MapGet("/api/validation", () =>
        {
            throw DomainException.Validation(
            [
                new FieldError("complainant.name", "field-required", "The complainant's name is required (UU 25/2009 art. 42(3))."),
                new FieldError("serviceReceivedOn", "filing-window-expired", "Filed more than 30 days after the service."),
            ]);
        });
        _app.MapGet("/api/crash", () =>
        {
            throw new InvalidOperationException("secret internal detail");
        });
        _app.MapPost("/api/typed", (Payload payload) => Results.Ok(payload));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(DomainErrorKind.Validation, HttpStatusCode.BadRequest)]
    [InlineData(DomainErrorKind.NotFound, HttpStatusCode.NotFound)]
    [InlineData(DomainErrorKind.Conflict, HttpStatusCode.Conflict)]
    [InlineData(DomainErrorKind.TooLarge, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(DomainErrorKind.UnsupportedType, HttpStatusCode.UnsupportedMediaType)]
    [InlineData(DomainErrorKind.RuleViolated, HttpStatusCode.UnprocessableEntity)]
    public async Task A_domain_exception_becomes_problem_json_with_its_status_code_and_field(DomainErrorKind kind, HttpStatusCode status)
    {
        var (response, problem) = await GetProblemAsync($"/api/refuse/{kind}");

        var code = "test-" + kind.ToString().ToLowerInvariant();
        Assert.Equal(status, response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("urn:ombudsman:problem:" + code, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Equal("Refused for the test.", problem.GetProperty("detail").GetString());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("complaint.description", error.GetProperty("field").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Validation_reports_every_field_at_fault_at_once()
    {
        var (status, problem) = await GetProblemAsync("/api/validation");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", problem.GetProperty("code").GetString());
        Assert.Equal(
            ["complainant.name:field-required", "serviceReceivedOn:filing-window-expired"],
            problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("field").GetString()}:{e.GetProperty("code").GetString()}"));
    }

    [Fact]
    public async Task An_unknown_route_is_404_problem_json_with_a_code()
    {
        var (status, problem) = await GetProblemAsync("/api/no/such/route");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unexpected_failure_is_500_with_a_code_and_without_its_internals()
    {
        var (status, problem) = await GetProblemAsync("/api/crash");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("internal-error", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("secret internal detail", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_malformed_request()
    {
        using var response = await Client.PostAsync(new Uri("/api/typed", UriKind.Relative), new StringContent("{not json", Encoding.UTF8, "application/json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("malformed-request", problem.RootElement.GetProperty("code").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Problem)> GetProblemAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    internal sealed record Payload(string Name);
}
