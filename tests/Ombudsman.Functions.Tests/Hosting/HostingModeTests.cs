using System.Net;
using Microsoft.Extensions.Hosting;
using Ombudsman.Functions.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Durable;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>One app, two front doors: the built-in pumps standalone, the Functions host's invocations as a custom handler.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostingModeTests(AzuriteFixture azurite)
{
    private static void Greeting(DurableRegistry registry) => registry
        .AddActivity<string, string>("Greet", (name, _) => Task.FromResult($"Selamat pagi, {name}"))
        .AddOrchestration<string, string>("Greeting", "1", async (context, name) => await context.CallActivityAsync<string>("Greet", name));

    [Fact]
    public async Task Standalone_the_pumps_run_an_orchestration_to_completion_without_any_invocation()
    {
        await using var app = await TestApp.StartAsync(azurite, workflows: Greeting);

        var id = await app.Durable.StartAsync("Greeting", "Sari");
        var status = await Polling.UntilAsync(() => app.Durable.GetStatusAsync(id), s => s is { Status: OrchestrationStatus.Completed or OrchestrationStatus.Failed });

        Assert.Equal(HostingMode.Standalone, app.Service<HostingModeInfo>().Mode);
        Assert.Equal("Selamat pagi, Sari", status!.ReadOutput<string>());
    }

    [Fact]
    public async Task Standalone_the_invocation_endpoints_do_not_exist()
    {
        await using var app = await TestApp.StartAsync(azurite);

        using var response = await app.Client.PostAsync(new Uri("/OrchestratorQueue", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task As_a_custom_handler_the_app_listens_on_the_hosts_port_and_runs_no_pumps()
    {
        var port = FreePort.Next();
        await using var app = await TestApp.StartAsync(azurite, [$"FUNCTIONS_CUSTOMHANDLER_PORT={port}"], Greeting);

        var id = await app.Durable.StartAsync("Greeting", "Sari");

        // Nothing but the host may take work off the queues: the start message waits there, the instance stays pending.
        var waiting = await app.Queue(app.Names.OrchestratorQueue).PeekMessagesAsync(32);
        var status = await app.Durable.GetStatusAsync(id);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}"), app.BaseAddress);
        Assert.Equal(HostingMode.CustomHandler, app.Service<HostingModeInfo>().Mode);
        Assert.DoesNotContain(app.Service<IEnumerable<IHostedService>>(), s => s.GetType().Name == "DurableWorker");
        Assert.Single(waiting.Value);
        Assert.Equal(OrchestrationStatus.Pending, status!.Status);
    }
}
