using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>
/// One app, two hosts: locally the Durable Task engine runs in process with the scheduler; in the Functions worker
/// neither runs (Durable Functions and the timer triggers do that work).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostingModeTests(AzuriteFixture azurite)
{
    private static void Greeting(DurableTaskRegistry registry) => registry
        .AddActivityFunc<string, string>("Greet", (_, name) => $"Selamat pagi, {name}")
        .AddOrchestratorFunc<string, string>("Greeting", (context, name) => context.CallActivityAsync<string>("Greet", name));

    [Fact]
    public async Task Standalone_the_engine_in_process_runs_an_orchestration_to_completion()
    {
        await using var app = await TestApp.StartAsync(azurite, workflows: Greeting);

        var id = await app.Durable.ScheduleNewOrchestrationInstanceAsync("Greeting", "Sari");
        var status = await app.Durable.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(HostingMode.Standalone, app.Service<HostingModeInfo>().Mode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal("Selamat pagi, Sari", status.ReadOutputAs<string>());
    }

    [Fact]
    public void As_the_functions_worker_the_app_has_the_same_services_and_runs_neither_engine_nor_scheduler()
    {
        List<ServiceDescriptor> local = [];
        List<ServiceDescriptor> worker = [];
        var args = TestApp.Arguments(azurite).Args;

        using var workerHost = FunctionsWorkerHost.Build(args, services => worker.AddRange(services));
        using var localHost = FunctionAppHost.Build(args, Greeting, services => local.AddRange(services));

        // Registrations, not instances: the worker's own hosted services need a Functions host to connect to.
        Assert.Equal(HostingMode.FunctionsWorker, workerHost.Services.GetRequiredService<HostingModeInfo>().Mode);
        Assert.Contains(local, IsLocalOnly);
        Assert.DoesNotContain(worker, IsLocalOnly);
        Assert.All(
            local.Where(d => d.ServiceType.Namespace?.StartsWith("Ombudsman", StringComparison.Ordinal) == true && !IsLocalOnly(d)),
            d => Assert.Contains(worker, w => w.ServiceType == d.ServiceType));
    }

    /// <summary>The in-process engine (its sidecar) and the scheduler loop with its settings.</summary>
    private static bool IsLocalOnly(ServiceDescriptor descriptor) =>
        descriptor.ServiceType.Namespace == "Ombudsman.LocalEngine"
        || descriptor.ImplementationType == typeof(ScheduledWorkService)
        || descriptor.ServiceType == typeof(ScheduledWorkOptions);

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
