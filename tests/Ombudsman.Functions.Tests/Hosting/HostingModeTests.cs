using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ombudsman.Functions.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Durable;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>One app, two hosts: the built-in pumps locally, none in the Functions worker (its triggers drive the runtime).</summary>
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
    public void As_the_functions_worker_the_app_has_the_same_services_and_runs_no_pumps()
    {
        List<ServiceDescriptor> local = [];
        List<ServiceDescriptor> worker = [];
        var args = TestApp.Arguments(azurite).Args;

        using var workerHost = FunctionsWorkerHost.Build(args, Greeting, services => worker.AddRange(services));
        using var localHost = FunctionAppHost.Build(args, Greeting, services => local.AddRange(services));

        // Registrations, not instances: the worker's own hosted services need a Functions host to connect to.
        Assert.Equal(HostingMode.FunctionsWorker, workerHost.Services.GetRequiredService<HostingModeInfo>().Mode);
        Assert.Contains(local, IsDurableWorker);
        Assert.DoesNotContain(worker, IsDurableWorker);
        Assert.All(
            local.Where(d => d.ServiceType.Namespace?.StartsWith("Ombudsman", StringComparison.Ordinal) == true),
            d => Assert.Contains(worker, w => w.ServiceType == d.ServiceType));
    }

    private static bool IsDurableWorker(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IHostedService) && descriptor.ImplementationType?.Name == "DurableWorker";

    [Theory]
    [InlineData("--functions-uri http://127.0.0.1:50000/ --functions-worker-id w1", null, true)]
    [InlineData("--host 127.0.0.1 --port 50000 --workerId w1 --requestId r1", null, true)]
    [InlineData("", "http://127.0.0.1:50000", true)]
    [InlineData("--urls http://127.0.0.1:7071", null, false)]
    [InlineData("", "", false)]
    public void The_functions_host_is_recognised_by_its_arguments_or_its_endpoint_variable(string args, string? hostEndpoint, bool expected)
    {
        var started = FunctionsWorkerHost.IsStartedByFunctionsHost(
            args.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            name => name == FunctionsWorkerHost.HostEndpointVariable ? hostEndpoint : null);

        Assert.Equal(expected, started);
    }
}
