using System.Text.Json;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Api;

/// <summary>The app serves its OpenAPI document (issue 5, requirement 6).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_document_lists_the_public_endpoints()
    {
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual"]);

        using var document = JsonDocument.Parse(await app.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = document.RootElement.GetProperty("paths");
        var upload = paths.GetProperty("/api/cases/{caseId}/evidence").GetProperty("post");

        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        foreach (var path in new[]
        {
            "/api/health", "/api/statute/rules", "/api/statute/rules/{version}", "/api/statute/holidays/{year}",
            "/api/cases/{caseId}/evidence/{evidenceId}", "/api/cases/{caseId}/evidence/{evidenceId}/link", "/api/dev/clock/advance",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.True(upload.GetProperty("responses").TryGetProperty("413", out _));
        Assert.True(upload.GetProperty("responses").TryGetProperty("429", out _));
    }
}
