using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Storage.Azure;

namespace Ombudsman.Workflows.Tests.Durable;

/// <summary>The standalone front door: real queue pumps and deadline sweeper on Azurite, in real time.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableWorkerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Pumps_run_a_fan_out_to_completion_without_exceeding_the_concurrency_bound()
    {
        var running = 0;
        var mostAtOnce = 0;
        await using var services = Build(
            r => r
                .AddActivity<int, int>("Examine", async (x, ct) =>
                {
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref mostAtOnce, now);
                    await Task.Delay(TimeSpan.FromMilliseconds(100), ct); // simulated work, so activities overlap
                    Interlocked.Decrement(ref running);
                    return x * x;
                })
                .AddOrchestration<int, int>("FanOut", "1", async (ctx, n) =>
                {
                    var parts = await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Examine", i)));
                    return parts.Sum();
                }),
            maxConcurrency: 2);

        await StartAsync(services);
        var client = services.GetRequiredService<DurableClient>();
        var id = await client.StartAsync("FanOut", 6);
        var status = await WaitForTerminalAsync(client, id);
        await StopAsync(services);

        Assert.Equal(OrchestrationStatus.Completed, status.Status);
        Assert.Equal(91, status.ReadOutput<int>());
        Assert.InRange(mostAtOnce, 1, 2);
    }

    [Fact]
    public async Task Sweeper_fires_a_durable_timer_through_the_deadlines_index()
    {
        await using var services = Build(
            r => r.AddOrchestration<string, string>("Reminder", "1", async (ctx, _) =>
            {
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddSeconds(1), new DeadlineInfo { Kind = "reminder", Citation = "UU 25/2009 art. 45(2)" }).Task;
                return "reminded";
            }),
            maxConcurrency: 4);

        await StartAsync(services);
        var client = services.GetRequiredService<DurableClient>();
        var id = await client.StartAsync("Reminder");
        var status = await WaitForTerminalAsync(client, id);
        await StopAsync(services);

        Assert.Equal("reminded", status.ReadOutput<string>());
    }

    [Fact]
    public async Task An_activity_running_longer_than_the_visibility_timeout_runs_once()
    {
        var runs = 0;
        await using var services = Build(
            r => r
                .AddActivity<string, string>("SlowExport", async (s, ct) =>
                {
                    Interlocked.Increment(ref runs);
                    await Task.Delay(TimeSpan.FromSeconds(5), ct); // simulated work, longer than the 2 s visibility timeout
                    return s ?? string.Empty;
                })
                .AddOrchestration<string, string>("Export", "1", async (ctx, s) => await ctx.CallActivityAsync<string>("SlowExport", s)),
            maxConcurrency: 4,
            visibilityTimeout: TimeSpan.FromSeconds(2));

        await StartAsync(services);
        var client = services.GetRequiredService<DurableClient>();
        var id = await client.StartAsync("Export", "case file");
        var status = await WaitForTerminalAsync(client, id);
        await StopAsync(services);

        Assert.Equal("case file", status.ReadOutput<string>());
        Assert.Equal(1, runs);
    }

    private ServiceProvider Build(Action<DurableRegistry> register, int maxConcurrency, TimeSpan? visibilityTimeout = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDurableRuntime(register, o =>
        {
            o.MaxConcurrency = maxConcurrency;
            o.SweepInterval = TimeSpan.FromMilliseconds(200);
            o.MaxPollDelay = TimeSpan.FromMilliseconds(200);
            o.VisibilityTimeout = visibilityTimeout ?? o.VisibilityTimeout;
        });
        services.AddAzureDurableStorage(azurite.ConnectionString, AzureStorageNames.WithPrefix("w" + Guid.NewGuid().ToString("N")[..12]));
        services.AddDurableWorker();
        return services.BuildServiceProvider();
    }

    private static async Task StartAsync(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    private static async Task StopAsync(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<InstanceStatus> WaitForTerminalAsync(DurableClient client, string id)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var status = await client.GetStatusAsync(id, timeout.Token);
            if (status is { Status: OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated })
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
