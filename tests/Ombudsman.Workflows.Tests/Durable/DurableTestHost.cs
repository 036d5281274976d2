using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Dispatch;
using Ombudsman.Workflows.Durable.History;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Workflows.Tests.Durable;

/// <summary>A runtime on a fake clock over a given storage set, driven step by step from the test.</summary>
internal sealed class DurableTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public DurableTestHost(
        DurableStorage storage,
        FakeTimeProvider clock,
        Action<DurableRegistry> register,
        Action<DurableOptions>? configure = null,
        Action<IServiceCollection>? addServices = null)
    {
        Storage = storage;
        Clock = clock;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(storage);
        services.AddDurableRuntime(register, configure);
        addServices?.Invoke(services);
        _services = services.BuildServiceProvider();
        Engine = _services.GetRequiredService<DurableEngine>();
        Client = _services.GetRequiredService<DurableClient>();
        Driver = _services.GetRequiredService<DurableDriver>();
    }

    public DurableStorage Storage { get; }

    public FakeTimeProvider Clock { get; }

    public DurableEngine Engine { get; }

    public DurableClient Client { get; }

    public DurableDriver Driver { get; }

    /// <summary>The host's services, for what the test registered beside the runtime.</summary>
    public IServiceProvider Services => _services;

    public Task<int> RunAsync() => Driver.RunUntilIdleAsync();

    /// <summary>Moves the fake clock and processes whatever became due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await RunAsync();
    }

    public async Task<InstanceStatus> StatusAsync(string instanceId) =>
        await Client.GetStatusAsync(instanceId) ?? throw new InvalidOperationException($"no instance {instanceId}");

    public async Task<IReadOnlyList<HistoryEvent>> HistoryAsync(string instanceId) =>
        (await Storage.Instances.LoadAsync(instanceId, CancellationToken.None))!.History;

    public async Task<IReadOnlyList<DeadlineEntry>> AllIndexedTimersAsync() =>
        await Storage.Deadlines.QueryAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new Dictionary<string, string>(), deadlinesOnly: false, 10_000, CancellationToken.None);

    /// <summary>Handles the messages visible on one queue now, once each (no sweep, no follow-up).</summary>
    public async Task ProcessVisibleAsync(QueueKind kind)
    {
        var queue = Storage.Queue(kind);
        foreach (var message in await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None))
        {
            await Engine.HandleAndSettleAsync(kind, message, CancellationToken.None);
        }
    }

    /// <summary>Takes one message at a time from either queue until both stay empty: run two of these to race dispatchers.</summary>
    public async Task DrainOneAtATimeAsync()
    {
        for (int round = 0, idle = 0; round < 10_000 && idle < 3; round++)
        {
            var kind = QueueKind.Orchestrator;
            var messages = await Storage.OrchestratorQueue.ReceiveAsync(1, TimeSpan.FromMinutes(5), CancellationToken.None);
            if (messages.Count == 0)
            {
                kind = QueueKind.Activity;
                messages = await Storage.ActivityQueue.ReceiveAsync(1, TimeSpan.FromMinutes(5), CancellationToken.None);
            }

            if (messages.Count == 0)
            {
                idle++;
                await Task.Yield();
                continue;
            }

            idle = 0;
            await Engine.HandleAndSettleAsync(kind, messages[0], CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
