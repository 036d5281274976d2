using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>The case workflows on the real engine with a fake clock, a recording notifier and the shipped statute data.</summary>
internal sealed class CaseScenarioHost : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 09:00 WIB: the filing instant of every scenario.</summary>
    public static readonly DateTimeOffset Filing = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private CaseScenarioHost(CaseEngineHost host, RecordingCaseNotifier notifier, CountingNotificationLedger ledger, PublishingCalendarSource? calendars)
    {
        Host = host;
        Notifier = notifier;
        Ledger = ledger;
        Calendars = calendars;
    }

    public CaseEngineHost Host { get; }

    public RecordingCaseNotifier Notifier { get; }

    public CountingNotificationLedger Ledger { get; }

    /// <summary>With <c>publishing</c>: the calendar deadlines are counted with, to publish (made-up) decrees to.</summary>
    public PublishingCalendarSource? Calendars { get; }

    public CaseCommands Commands => Host.Commands;

    public CaseReadModel ReadModel => Host.ReadModel;

    public static async Task<CaseScenarioHost> CreateAsync(
        AzuriteFixture azurite, FakeTimeProvider? clock = null, Action<StatuteOptions>? statute = null, bool publishing = false)
    {
        var notifier = new RecordingCaseNotifier();
        var ledger = new CountingNotificationLedger();
        var host = await CaseEngineHost.StartAsync(azurite, clock ?? new FakeTimeProvider(Filing), registered =>
        {
            if (publishing)
            {
                registered.AddSingleton<PublishingCalendarSource>();
                registered.AddSingleton<ILegalCalendarSource>(sp => sp.GetRequiredService<PublishingCalendarSource>());
            }

            registered.AddStatute(statute);
            registered.AddSingleton(new OfficeDirectory(OfficeDirectory.DevelopmentOffices));
            registered.AddSingleton<ICaseNotifier>(notifier);
            registered.AddSingleton<ICaseNotificationLedger>(ledger);
        });
        return new CaseScenarioHost(host, notifier, ledger, publishing ? host.Services.GetRequiredService<PublishingCalendarSource>() : null);
    }

    public Task<string> FileAsync(Complaint complaint, string caseId = "case-1") => Host.FileAsync(complaint, caseId);

    public Task ActAsync(string caseId, string eventName, CaseAction action) => Host.ActAsync(caseId, eventName, action);

    public Task AdvanceAsync(TimeSpan by) => Host.AdvanceAsync(by);

    public Task AdvanceDaysAsync(int days) => Host.AdvanceAsync(TimeSpan.FromDays(days));

    public Task AdvanceToAsync(DateTimeOffset instant) => Host.AdvanceAsync(instant - Host.Clock.GetUtcNow());

    public async Task<CaseStatus> StatusAsync(string caseId = "case-1") => (await Host.ViewAsync(caseId)).Status;

    public Task<OrchestrationRuntimeStatus?> RuntimeStatusAsync(string caseId = "case-1") => Host.RuntimeStatusAsync(caseId);

    /// <summary>Every notification reached the notifier once, and the orchestrator scheduled each step's notification once.</summary>
    public void AssertEachStepNotifiedOnce()
    {
        var keys = Notifier.Sent.Select(n => n.IdempotencyKey).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Ledger.Asked, asked => Assert.Equal(1, asked.Value));
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
