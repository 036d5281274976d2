using System.Net;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Cases;

/// <summary>
/// Filing is all or nothing, faults injected at each step after the case was scheduled: either the complainant holds a
/// working token for the case that runs, or no case runs and nothing of it (token, instance, read-model row) remains.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FilingAllOrNothingTests(AzuriteFixture azurite)
{
    /// <summary>An orchestrator that never registers its case: intake stuck before its first record.</summary>
    private const string NeverRegisters = "TestCaseNeverRegisters";

    private static readonly StorageSnapshot Nothing = new(AccessTokenRows: 0, InstanceRows: 0, TimelineRows: 0, Instances: 0, Blobs: 0);

    [Fact]
    public async Task A_start_stored_but_reported_failed_is_undone_and_the_complainant_is_told_with_no_token_left()
    {
        StartThenFailClient? client = null;
        await using var app = await StartAsync(s => s.AddSingleton<DurableTaskClient>(sp =>
            client = new StartThenFailClient(sp.GetRequiredService<IDurableTaskClientProvider>().GetClient()) { FailuresLeft = 1 }));

        var (status, problem) = await SendAsync(app, HttpMethod.Post, "/api/complaints", null, Filing());

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("internal-error", problem.GetProperty("code").GetString());
        Assert.Equal(0, client!.FailuresLeft);
        Assert.Equal(Nothing, await SnapshotAsync(app));
    }

    [Fact]
    public async Task A_case_not_registered_within_the_wait_is_undone_and_answered_503_with_no_token_left()
    {
        await using var app = await StartAsync(
            s => s.AddSingleton(new CaseWorkflowOptions { NewCasesRunOn = NeverRegisters, SettleTimeout = TimeSpan.FromSeconds(1) }));

        var (status, problem) = await SendAsync(app, HttpMethod.Post, "/api/complaints", null, Filing());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("filing-not-completed", problem.GetProperty("code").GetString());
        Assert.Equal(Nothing, await SnapshotAsync(app));
    }

    [Fact]
    public async Task A_filer_gone_while_the_case_is_being_registered_leaves_no_case_running_and_no_token()
    {
        await using var app = await StartAsync(s => s.AddSingleton(new CaseWorkflowOptions { NewCasesRunOn = NeverRegisters }));
        using var gone = new CancellationTokenSource();
        using var request = Request(HttpMethod.Post, "/api/complaints", null, Filing());

        var filing = app.Client.SendAsync(request, gone.Token);
        await Polling.UntilAsync(async () => (await app.Durable.GetAllInstancesAsync().CollectAsync()).Count, n => n > 0, TimeSpan.FromSeconds(30));
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => filing);

        Assert.Equal(Nothing, await Polling.UntilAsync(() => SnapshotAsync(app), s => s == Nothing, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_case_still_in_intake_when_the_wait_ends_is_kept_and_its_token_opens_the_receipt()
    {
        var notifier = new HeldReceiptNotifier();
        await using var app = await StartAsync(s =>
        {
            s.AddSingleton<ICaseNotifier>(notifier);
            s.AddSingleton(new CaseWorkflowOptions { SettleTimeout = TimeSpan.FromSeconds(1) });
        });

        var filed = await FileAsync(app, Filing());
        var (status, receipt) = await SendAsync(app, HttpMethod.Get, $"/api/complaints/{filed.CaseId}/receipt", filed.Token);
        notifier.Release();
        await Polling.UntilAsync(() => Task.FromResult(notifier.Sent), sent => sent.Any(n => n.CaseId == filed.CaseId && n.TemplateId == NotificationTemplates.Receipt), TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(filed.ReceiptNumber, receipt.GetProperty("receiptNumber").GetString());
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await app.Durable.GetInstanceAsync(filed.CaseId))!.RuntimeStatus);
    }

    private Task<TestApp> StartAsync(Action<IServiceCollection> services) =>
        TestApp.StartAsync(
            azurite,
            ["Clock:Mode=Manual", $"Clock:Start={Start:O}"],
            workflows: r => r.AddOrchestrator(NeverRegisters, typeof(NeverRegistersOrchestration)),
            configureServices: s =>
            {
                s.AddSingleton<ICaseNotifier>(new RecordingCaseNotifier());
                services(s);
            });

    /// <summary>A case orchestrator stuck before its first record (as when the engine's queues are backed up).</summary>
    private sealed class NeverRegistersOrchestration : TaskOrchestrator<CaseFiling, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, CaseFiling input) => context.WaitForExternalEvent<string>("never");
    }
}
