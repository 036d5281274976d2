using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Storage;
using Ombudsman.Workflows.Statute;
using Ombudsman.Workflows.Tests.Durable;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>The case workflows on a durable runtime with a fake clock, a recording notifier and the shipped statute data.</summary>
internal sealed class CaseScenarioHost : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 09:00 WIB: the filing instant of every scenario.</summary>
    public static readonly DateTimeOffset Filing = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private CaseScenarioHost(DurableTestHost host, RecordingCaseNotifier notifier, CountingNotificationLedger ledger)
    {
        Host = host;
        Notifier = notifier;
        Ledger = ledger;
        Commands = host.Services.GetRequiredService<CaseCommands>();
    }

    public DurableTestHost Host { get; }

    public RecordingCaseNotifier Notifier { get; }

    public CountingNotificationLedger Ledger { get; }

    public CaseCommands Commands { get; }

    public DurableClient Client => Host.Client;

    public static async Task<CaseScenarioHost> CreateAsync(
        Func<FakeTimeProvider, Task<DurableStorage>> storage,
        Action<DurableRegistry>? register = null,
        FakeTimeProvider? clock = null,
        DurableStorage? existing = null,
        Action<StatuteOptions>? statute = null)
    {
        clock ??= new FakeTimeProvider(Filing);
        var notifier = new RecordingCaseNotifier();
        var ledger = new CountingNotificationLedger();
        var host = new DurableTestHost(
            existing ?? await storage(clock),
            clock,
            register ?? (r => r.AddCaseWorkflows()),
            addServices: services =>
            {
                services.AddStatute(statute);
                services.AddSingleton<ICaseNotifier>(notifier);
                services.AddSingleton<ICaseNotificationLedger>(ledger);
                services.AddCaseWorkflows();
            });
        return new CaseScenarioHost(host, notifier, ledger);
    }

    public async Task<string> FileAsync(Complaint complaint, string caseId = "case-1")
    {
        await Commands.FileAsync(caseId, complaint);
        await Host.RunAsync();
        return caseId;
    }

    public async Task ActAsync(string caseId, string eventName, CaseAction action)
    {
        await Commands.SubmitAsync(caseId, eventName, action);
        await Host.RunAsync();
    }

    public Task AdvanceAsync(TimeSpan by) => Host.AdvanceAsync(by);

    public Task AdvanceDaysAsync(int days) => Host.AdvanceAsync(TimeSpan.FromDays(days));

    public Task AdvanceToAsync(DateTimeOffset instant) => Host.AdvanceAsync(instant - Host.Clock.GetUtcNow());

    public async Task<CaseStatus> StatusAsync(string caseId = "case-1") =>
        (await Host.StatusAsync(caseId)).ReadCustomStatus<CaseStatus>() ?? throw new InvalidOperationException("no case status");

    public async Task<OrchestrationStatus> RuntimeStatusAsync(string caseId = "case-1") => (await Host.StatusAsync(caseId)).Status;

    /// <summary>Every notification reached the notifier once, and the orchestrator scheduled each step's notification once.</summary>
    public void AssertEachStepNotifiedOnce()
    {
        var keys = Notifier.Sent.Select(n => n.IdempotencyKey).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Ledger.Asked, asked => Assert.Equal(1, asked.Value));
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
