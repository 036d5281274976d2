using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.LocalEngine;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// The case workflows on the real engine (Durable Task SDK worker and client, the in-process sidecar, the Azure
/// Storage back end on Azurite) with a task hub and read-model tables of their own, a fake clock, and the deadline
/// sweeper driven by the test: <see cref="AdvanceAsync"/> moves the clock and sweeps until nothing more is due.
/// Every wait is bounded.
/// </summary>
internal sealed class CaseEngineHost : IAsyncDisposable
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, int> _inputsSent = new(StringComparer.Ordinal);

    private readonly AsyncServiceScope _scope;

    private CaseEngineHost(IHost host, FakeTimeProvider clock)
    {
        App = host;
        _scope = host.Services.CreateAsyncScope();
        Clock = clock;
        Commands = Services.GetRequiredService<CaseCommands>();
        ReadModel = Services.GetRequiredService<CaseReadModel>();
        Client = Services.GetRequiredService<DurableTaskClient>();
        Sweeper = Services.GetRequiredService<DeadlineSweeper>();
    }

    public IHost App { get; }

    /// <summary>The host's services, scoped ones (the case commands, the sweeper) from one scope as long as the host.</summary>
    public IServiceProvider Services => _scope.ServiceProvider;

    public FakeTimeProvider Clock { get; }

    public CaseCommands Commands { get; }

    public CaseReadModel ReadModel { get; }

    public DurableTaskClient Client { get; }

    public DeadlineSweeper Sweeper { get; }

    public static async Task<CaseEngineHost> StartAsync(
        AzuriteFixture azurite, FakeTimeProvider clock, Action<IServiceCollection> services, Action<DurableTaskRegistry>? tasks = null)
    {
        var prefix = "w" + Guid.NewGuid().ToString("N")[..10];
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(new CaseReadModel(
            new TableServiceClient(azurite.ConnectionString),
            new CaseReadModelNames { CasesTable = prefix + "Cases", TimelineTable = prefix + "Timeline", OpenDeadlinesTable = prefix + "Deadlines" }));
        services(builder.Services);
        builder.Services.AddCaseWorkflows();
        builder.Services.AddLocalDurableEngine(
            new LocalEngineOptions
            {
                StorageConnectionString = azurite.ConnectionString,
                HubName = prefix,
                PartitionCount = 1,
                MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
            },
            tasks ?? (r => r.AddCaseWorkflows()),
            CaseJson.DataConverter);
        var host = builder.Build();
        await host.StartAsync();
        return new CaseEngineHost(host, clock);
    }

    public async Task<string> FileAsync(Complaint complaint, string caseId)
    {
        await Commands.FileAsync(caseId, complaint);
        _inputsSent.TryAdd(caseId, 0);
        await WaitIdleAsync(caseId);
        return caseId;
    }

    public async Task ActAsync(string caseId, string eventName, CaseAction action)
    {
        await Commands.SubmitAsync(caseId, eventName, action);
        await SentAsync(caseId);
    }

    /// <summary>Raises an action straight on the engine, past <see cref="CaseCommands"/>' checks.</summary>
    public async Task RaiseAsync(string caseId, string eventName, CaseAction action)
    {
        await Client.RaiseEventAsync(caseId, CaseInput.EventName, new CaseInput { Name = eventName, Action = action, ReceivedAt = Clock.GetUtcNow() });
        await SentAsync(caseId);
    }

    /// <summary>Tells the cases a calendar publication concerns, as the app's delivery does, and waits until they took it.</summary>
    public async Task<IReadOnlyList<string>> TellCasesAsync(CalendarPublication publication)
    {
        var told = await Services.GetRequiredService<CalendarAmendmentFanOut>().RaiseAsync(publication);
        foreach (var caseId in told)
        {
            await SentAsync(caseId);
        }

        return told;
    }

    /// <summary>Raises a deadline event straight on the engine, as a sweeper that read the row late would.</summary>
    public async Task RaiseDueAsync(string caseId, string key, DateTimeOffset dueAt)
    {
        await Client.RaiseEventAsync(caseId, DeadlineDue.EventName, new DeadlineDue { Key = key, DueAt = dueAt });
        await SentAsync(caseId);
    }

    /// <summary>Starts an orchestration straight on the engine and waits until it waits (or has ended).</summary>
    public async Task StartAsync(string orchestrator, string caseId, CaseFiling filing)
    {
        await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, filing, new StartOrchestrationOptions(caseId));
        _inputsSent.TryAdd(caseId, 0);
        await WaitIdleAsync(caseId);
    }

    /// <summary>
    /// Starts a case straight on the engine and raises these inputs at once, without waiting in between, so they reach
    /// the case while it is still in the stages it passes through on its own; then waits until it has taken them all.
    /// </summary>
    public async Task StartAndRaiseAsync(string caseId, CaseFiling filing, params (string EventName, CaseAction Action)[] inputs)
    {
        await Client.ScheduleNewOrchestrationInstanceAsync(Orchestrations.CaseOrchestration.Name, filing, new StartOrchestrationOptions(caseId));
        foreach (var (eventName, action) in inputs)
        {
            await Client.RaiseEventAsync(caseId, CaseInput.EventName, new CaseInput { Name = eventName, Action = action, ReceivedAt = Clock.GetUtcNow() });
        }

        _inputsSent[caseId] = inputs.Length;
        await WaitIdleAsync(caseId);
    }

    /// <summary>Moves the clock, then sweeps and lets the cases apply what came due until nothing more is due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        for (var round = 0; round < 100; round++)
        {
            var raised = await Sweeper.SweepAsync();
            if (raised.Count == 0)
            {
                return;
            }

            foreach (var row in raised)
            {
                _inputsSent[row.CaseId] = _inputsSent.GetValueOrDefault(row.CaseId) + 1;
            }

            foreach (var caseId in raised.Select(r => r.CaseId).Distinct())
            {
                await WaitIdleAsync(caseId);
            }
        }

        throw new InvalidOperationException("deadlines kept coming due after 100 sweeps");
    }

    public async Task<CaseView> ViewAsync(string caseId) =>
        await ReadModel.GetAsync(caseId) ?? throw new InvalidOperationException($"case {caseId} is not in the read model");

    public async Task<OrchestrationRuntimeStatus?> RuntimeStatusAsync(string caseId) => (await Client.GetInstanceAsync(caseId))?.RuntimeStatus;

    /// <summary>Every open row (deadlines, reminders, retries) of every case.</summary>
    public Task<IReadOnlyList<OpenCaseDeadline>> AllOpenTimersAsync() =>
        ReadModel.ListOpenDeadlinesAsync(null, CaseReadModel.Earliest, DateTimeOffset.UtcNow.AddYears(20), includeTimers: true);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await App.StopAsync();
        App.Dispose();
    }

    private async Task SentAsync(string caseId)
    {
        _inputsSent[caseId] = _inputsSent.GetValueOrDefault(caseId) + 1;
        await WaitIdleAsync(caseId);
    }

    /// <summary>Until the case has taken every input sent to it and is waiting (or has ended).</summary>
    private async Task WaitIdleAsync(string caseId)
    {
        var expected = _inputsSent.GetValueOrDefault(caseId);
        using var timeout = new CancellationTokenSource(IdleTimeout);
        while (true)
        {
            if (await ReadModel.GetAsync(caseId, withTimeline: false) is { Waiting: true } view && view.InputsHandled >= expected)
            {
                if (!view.Completed || (await Client.GetInstanceAsync(caseId))?.IsCompleted == true)
                {
                    return;
                }
            }

            if (timeout.IsCancellationRequested)
            {
                var runtime = await Client.GetInstanceAsync(caseId, getInputsAndOutputs: true);
                throw new TimeoutException(
                    $"case {caseId} did not take its {expected} inputs within {IdleTimeout}: engine says {runtime?.RuntimeStatus} {runtime?.FailureDetails?.ErrorMessage}");
            }

            await Task.Delay(50);
        }
    }
}
