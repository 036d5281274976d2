using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Orchestrations;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// Staff and party actions on a case, for the API. An action is checked against the case's current stage
/// (<see cref="CaseStageRules"/>, from the read model) before it is raised, and stamped with the app's time;
/// a refused action throws <see cref="CaseActionRefusedException"/> and changes nothing.
/// </summary>
public sealed class CaseCommands(DurableTaskClient client, CaseReadModel readModel, TimeProvider time, CaseWorkflowOptions? options = null)
{
    private readonly string _orchestrator = options?.NewCasesRunOn ?? Case2Orchestration.Name;

    private readonly TimeSpan _settleTimeout = options?.SettleTimeout ?? TimeSpan.FromSeconds(30);

    /// <summary>How long undoing a filing waits for its terminated instance to end before giving up (and failing loudly).</summary>
    private static readonly TimeSpan UndoTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Files a complaint: starts its case orchestration under <paramref name="caseId"/>, received now by the app's
    /// clock, and returns once intake is done (receipt sent, the first deadline running) so the receipt, tracking and
    /// staff see a case that takes actions. If intake takes longer (a mail server retrying), it returns once the case
    /// is in the read model at all.
    /// <para>
    /// All or nothing: an id that is already a case's (running, ended, or only in the read model) throws
    /// <see cref="CaseIdTakenException"/> and touches nothing. Once the case is scheduled, a failure to schedule, a
    /// caller that gives up (<paramref name="cancellationToken"/>) or a case that is not even registered within the
    /// wait undoes it (<see cref="UndoFilingAsync"/>): the caller then holds no working answer, so no case may run.
    /// </para>
    /// </summary>
    public async Task<string> FileAsync(string caseId, Complaint complaint, CancellationToken cancellationToken = default)
    {
        var filing = new CaseFiling { Complaint = complaint, ReceivedAt = time.GetUtcNow() };
        if (await client.GetInstanceAsync(caseId, cancellationToken) is not null
            || await readModel.ExistsAsync(caseId, cancellationToken)
            || !await readModel.TryClaimIdAsync(caseId, filing.ReceivedAt, cancellationToken))
        {
            throw new CaseIdTakenException(caseId);
        }

        // The claim above is what holds: the local engine's sidecar drops dedupe statuses, so a start under an ended
        // instance's id is accepted without error (and does not run). Where they are honoured they refuse it as well.
        var options = new StartOrchestrationOptions(caseId).WithDedupeStatuses(Enum.GetValues<OrchestrationRuntimeStatus>());
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(_orchestrator, filing, options, cancellationToken);
        }
        catch (Exception e) when (IsAlreadyExists(e))
        {
            throw new CaseIdTakenException(caseId);
        }
        catch (Exception)
        {
            // The failure may have come after the start was stored (a timeout on the reply): undo what may run.
            await UndoFilingAsync(caseId, filing, CancellationToken.None);
            throw;
        }

        CaseView? view;
        try
        {
            // Registered but still in intake after the wait is fine too: the receipt and tracking already answer.
            view = await SettleAsync(caseId, v => v is { Waiting: true }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller is gone and will never learn the case's token: no case may run without its complainant.
            await UndoFilingAsync(caseId, filing, CancellationToken.None);
            throw;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Gone just as the case settled: the answer with the token would reach no one.
            await UndoFilingAsync(caseId, filing, CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (view is null)
        {
            await UndoFilingAsync(caseId, filing, CancellationToken.None);
            throw new CaseFilingNotCompletedException(caseId);
        }

        return caseId;
    }

    /// <summary>
    /// Undoes a filing that did not complete: ends the case's instance if it is this filing's (terminated, then
    /// purged) and removes its read-model rows. Bounded by <see cref="UndoTimeout"/> for the instance to end.
    /// </summary>
    private async Task UndoFilingAsync(string caseId, CaseFiling filing, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: true, cancellationToken);
        if (instance is not null && !IsThisFiling(instance, filing))
        {
            // Another filing's case under the same id: never ours to undo.
            return;
        }

        if (instance is not null)
        {
            if (!instance.IsCompleted)
            {
                await client.TerminateInstanceAsync(caseId, new TerminateInstanceOptions { Output = "Filing was not completed." }, cancellationToken);
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(UndoTimeout);
                await client.WaitForInstanceCompletionAsync(caseId, getInputsAndOutputs: false, bounded.Token);
            }

            await client.PurgeInstanceAsync(caseId, cancellation: cancellationToken);
        }

        // After the instance ended: no record activity of it writes again.
        await readModel.RemoveAsync(caseId, cancellationToken);
    }

    private static bool IsThisFiling(OrchestrationMetadata instance, CaseFiling filing) =>
        instance.SerializedInput is null
        || instance.ReadInputAs<CaseFiling>() is not { } stored
        || (stored.ReceivedAt == filing.ReceivedAt && CaseJson.Serialize(stored.Complaint) == CaseJson.Serialize(filing.Complaint));

    /// <summary>The engine refused the start because the id has an instance (in-process or over gRPC).</summary>
    private static bool IsAlreadyExists(Exception e) =>
        e.GetType().Name == "OrchestrationAlreadyExistsException";

    /// <summary>
    /// Sends <paramref name="eventName"/> (one of <see cref="CaseEvents"/>) to the case, or throws why not, and returns
    /// once the case has taken it and is waiting again: each action is checked against the stage the read model shows,
    /// so a caller's next action (a cure right after <c>file-incomplete</c>, <c>decision-delivered</c> right after
    /// <c>decision-issued</c>) must see this one applied, not be refused against the stage before it. If applying
    /// takes longer (a mail server retrying), it returns anyway: the action is raised and will be applied.
    /// </summary>
    public async Task SubmitAsync(string caseId, string eventName, CaseAction action, CancellationToken cancellationToken = default)
    {
        var view = await CurrentAsync(caseId, eventName, cancellationToken);
        var status = view.Status;
        if ((CaseStageRules.Check(status.Stage, status.Path, eventName, action)
            ?? DeadlineSuspensionRules.Check(status.OpenDeadlines, eventName, action)
            ?? CaseStageRules.CheckCase(status, eventName)) is { } refusal)
        {
            throw new CaseActionRefusedException(caseId, eventName, refusal);
        }

        var input = new CaseInput { Name = eventName, Action = action, ReceivedAt = time.GetUtcNow() };
        await client.RaiseEventAsync(caseId, CaseInput.EventName, input, cancellationToken);

        await SettleAsync(caseId, now => now is null || now.Completed || (now.Waiting && now.InputsHandled > view.InputsHandled), cancellationToken);
    }

    /// <summary>
    /// Polls the read model until <paramref name="settled"/> or <see cref="CaseWorkflowOptions.SettleTimeout"/>, whichever is first, and
    /// returns the last view read. Real time, not the app's clock: a manual clock stands still while the case works.
    /// </summary>
    private async Task<CaseView?> SettleAsync(string caseId, Func<CaseView?, bool> settled, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(_settleTimeout);
        CaseView? view = null;
        try
        {
            while (!settled(view = await TryGetAsync(caseId, bounded.Token)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25), bounded.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not settled in time: the case goes on with it; the caller answers with what is there.
        }

        return view;
    }

    /// <summary>A read of the case for a wait: a storage error counts as not there yet, and the wait goes on.</summary>
    private async Task<CaseView?> TryGetAsync(string caseId, CancellationToken cancellationToken)
    {
        try
        {
            return await readModel.GetAsync(caseId, cancellationToken, withTimeline: false);
        }
        catch (Azure.RequestFailedException)
        {
            return null;
        }
    }

    /// <summary>The case's status as the read model has it, or null for an unknown case.</summary>
    public async Task<CaseStatus?> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        (await readModel.GetAsync(caseId, cancellationToken))?.Status;

    private async Task<CaseView> CurrentAsync(string caseId, string eventName, CancellationToken cancellationToken)
    {
        var view = await readModel.GetAsync(caseId, cancellationToken, withTimeline: false)
            ?? throw new CaseActionRefusedException(caseId, eventName, new(CaseActionRefusal.CaseNotFound, $"There is no case '{caseId}'."));
        if (view.Completed || view.Status.Stage == CaseStage.Closed)
        {
            throw new CaseActionRefusedException(
                caseId, eventName, new(CaseActionRefusal.CaseNotOpen, $"Case '{caseId}' takes no actions: it is closed ({view.Status.ClosedReason})."));
        }

        return view;
    }
}
