using System.Net;
using System.Text.Json;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests;

/// <summary>GET /api/health over HTTP: what a monitor and the deployment check see, with storage up and with it gone.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_is_ok_while_storage_answers_and_503_naming_storage_once_it_is_gone()
    {
        // An Azurite of its own: this test stops it under the running app.
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var app = await TestApp.StartAsync(azurite);

        var (upStatus, up) = await GetAsync(app);
        azurite.Stop();
        var (downStatus, down) = await GetAsync(app);

        Assert.Equal(HttpStatusCode.OK, upStatus);
        Assert.Equal("ok", up.GetProperty("status").GetString());
        Assert.Equal("ok", up.GetProperty("checks").GetProperty("tables").GetString());
        Assert.Equal("ok", up.GetProperty("checks").GetProperty("blobs").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
        Assert.Equal("unavailable", down.GetProperty("status").GetString());
        Assert.Equal("unreachable", down.GetProperty("checks").GetProperty("tables").GetString());
        Assert.Equal("unreachable", down.GetProperty("checks").GetProperty("blobs").GetString());

        // The reason stays in the log: nothing about the storage account reaches the caller.
        Assert.DoesNotContain("127.0.0.1", down.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(TestApp app)
    {
        using var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
