using System.Net;
using System.Text.Json;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Api;

/// <summary>The real function app (Program) with the statute wiring, started as its own process on a loopback port, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProgramStatuteWiringTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_function_app_lists_the_statute_rules()
    {
        await using var app = AppProcess.Start(Storage());

        var address = await app.Listening.Task.WaitAsync(StartTimeout);
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var response = await client.GetAsync(new Uri("/api/statute/rules/2025.1", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(26, json.RootElement.GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public async Task Invalid_statute_data_stops_the_function_app_at_start_up()
    {
        var missing = Path.Combine(Path.GetTempPath(), "statute-missing-" + Guid.NewGuid().ToString("N"));
        await using var app = AppProcess.Start([.. Storage(), $"--Statute:DataDirectory={missing}"]);

        await app.Process.WaitForExitAsync().WaitAsync(StartTimeout);

        Assert.NotEqual(0, app.Process.ExitCode);
        Assert.Contains($"{missing}: configuration: field 'Statute:DataDirectory': the directory does not exist", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", app.Output, StringComparison.Ordinal);
    }

    /// <summary>Azurite, with names of this test's own so nothing is shared with other tests, and the offices.</summary>
    private string[] Storage()
    {
        var prefix = "p" + Guid.NewGuid().ToString("N")[..10];
        return
        [
            $"--ConnectionStrings:Storage={azurite.ConnectionString}",
            $"--StorageNames:CasesTable={prefix}Cases",
            $"--StorageNames:TimelineTable={prefix}Timeline",
            $"--StorageNames:OpenDeadlinesTable={prefix}Deadlines",
            $"--DurableTask:HubName={prefix}",
            $"--StorageNames:EvidenceContainer={prefix}-evidence",
            $"--StorageNames:ProviderDocumentsContainer={prefix}-provider-documents",
            // Run as deployed (Production): the offices are configured, not defaulted.
            .. TestApp.DeployedOffices.Select(s => "--" + s),
        ];
    }
}
