using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Dispatch;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Benchmarks;

/// <summary>The durable runtime's figures on one storage set; every figure is measured the same way for each store.</summary>
internal sealed class RuntimeBenchmark(string storeName, DurableStorage rawStorage, Func<long>? httpRequests, BenchmarkScale scale)
{
    private readonly OperationCount _ops = new();

    public string StoreName { get; } = storeName;

    public async Task<Dictionary<string, double>> RunAsync()
    {
        var storage = OperationCount.Wrap(rawStorage, _ops);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(storage);
        services.AddDurableRuntime(r => r
            .AddActivity<int, int>("Noop", (x, _) => Task.FromResult(x))
            .AddOrchestration<int, int>("Idle", "1", (_, x) => Task.FromResult(x))
            .AddOrchestration<int, int>("Activities", "1", async (ctx, n) =>
            {
                for (var i = 0; i < n; i++)
                {
                    await ctx.CallActivityAsync<int>("Noop", i);
                }

                return n;
            })
            .AddOrchestration<int, int>("Pings", "1", async (ctx, n) =>
            {
                for (var i = 0; i < n; i++)
                {
                    await ctx.WaitForExternalEvent<int>("Ping");
                }

                return n;
            }));
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<DurableEngine>();
        var client = provider.GetRequiredService<DurableClient>();
        var results = new Dictionary<string, double>();

        // Instances started per second: client starts, 8 at a time (each: one commit, one queue send, one outbox delete).
        var starts = scale.Starts;
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, starts), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await client.StartAsync("Idle", i, instanceId: $"start-{i}", cancellationToken: ct));
        results["instances started per second"] = starts / sw.Elapsed.TotalSeconds;
        await DrainAsync(engine, storage);

        // Activity round trips per second: one instance calls a no-op activity in sequence.
        var trips = scale.ActivityRoundTrips;
        await client.StartAsync("Activities", trips, instanceId: "activities");
        await ProcessOneAsync(engine, storage, QueueKind.Orchestrator);
        var opsBefore = _ops.Value;
        var httpBefore = httpRequests?.Invoke() ?? 0;
        sw.Restart();
        for (var i = 0; i < trips; i++)
        {
            await ProcessOneAsync(engine, storage, QueueKind.Activity);
            await ProcessOneAsync(engine, storage, QueueKind.Orchestrator);
        }

        results["activity round trips per second"] = trips / sw.Elapsed.TotalSeconds;
        results["store operations per activity round trip"] = (_ops.Value - opsBefore) / (double)trips;
        if (httpRequests is not null)
        {
            results["storage requests per activity round trip"] = (httpRequests() - httpBefore) / (double)trips;
        }

        // Latency from raising an event to the next committed step.
        var pings = scale.Pings;
        await client.StartAsync("Pings", pings, instanceId: "pings");
        await ProcessOneAsync(engine, storage, QueueKind.Orchestrator);
        var latencies = new List<double>(pings);
        opsBefore = _ops.Value;
        httpBefore = httpRequests?.Invoke() ?? 0;
        for (var i = 0; i < pings; i++)
        {
            sw.Restart();
            await client.RaiseEventAsync("pings", "Ping", i);
            await ProcessOneAsync(engine, storage, QueueKind.Orchestrator);
            latencies.Add(sw.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        results["event to committed step p50 (ms)"] = Percentile(latencies, 0.50);
        results["event to committed step p99 (ms)"] = Percentile(latencies, 0.99);
        results["store operations per event step"] = (_ops.Value - opsBefore) / (double)pings;
        if (httpRequests is not null)
        {
            results["storage requests per event step"] = (httpRequests() - httpBefore) / (double)pings;
        }

        // Sweep: 100,000 pending deadlines of which 1,000 are due.
        var now = DateTimeOffset.UtcNow;
        var total = scale.PendingDeadlines;
        var due = scale.DueDeadlines;
        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await rawStorage.Deadlines.UpsertAsync(new DeadlineEntry
            {
                InstanceId = $"sweep-{i}",
                ExecutionId = "e",
                TimerId = 0,
                FireAt = i < due ? now.AddMinutes(-1 - (i % 600)) : now.AddDays(1 + (i % 60)).AddMinutes(i % 1440),
                Deadline = new DeadlineInfo { Kind = "decision", Citation = "UU 25/2009 art. 50(1)", RuleId = "P8" },
            }, ct));
        opsBefore = _ops.Value;
        sw.Restart();
        var timersFired = await engine.SweepDeadlinesAsync(CancellationToken.None);
        results["seconds to sweep the due deadlines"] = sw.Elapsed.TotalSeconds;
        results["timers fired by the sweep"] = timersFired;
        results["store operations per fired timer (sweep)"] = (_ops.Value - opsBefore) / (double)Math.Max(1, timersFired);
        return results;
    }

    private static async Task ProcessOneAsync(DurableEngine engine, DurableStorage storage, QueueKind kind)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var messages = await storage.Queue(kind).ReceiveAsync(1, TimeSpan.FromMinutes(5), CancellationToken.None);
            if (messages.Count == 1)
            {
                await engine.HandleAndSettleAsync(kind, messages[0], CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"No message arrived on the {kind} queue.");
    }

    private static async Task DrainAsync(DurableEngine engine, DurableStorage storage)
    {
        for (var round = 0; round < 10_000; round++)
        {
            var messages = await storage.OrchestratorQueue.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None);
            if (messages.Count == 0)
            {
                return;
            }

            foreach (var message in messages)
            {
                await engine.HandleAndSettleAsync(QueueKind.Orchestrator, message, CancellationToken.None);
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
