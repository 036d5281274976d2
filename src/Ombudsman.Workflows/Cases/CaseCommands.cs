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

    /// <summary>How long filing waits for intake, and an action for the case to apply it, before answering anyway.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Files a complaint: starts its case orchestration under <paramref name="caseId"/>, received now by the app's
    /// clock, and returns once intake is done (receipt sent, the first deadline running) so the receipt, tracking and
    /// staff see a case that takes actions. If intake takes longer (a mail server retrying), it returns once the case
    /// is in the read model at all. Filing again under an id whose case exists starts nothing.
    /// </summary>
    public async Task<string> FileAsync(string caseId, Complaint complaint, CancellationToken cancellationToken = default)
    {
        if (await client.GetInstanceAsync(caseId, cancellationToken) is null)
        {
            var filing = new CaseFiling { Complaint = complaint, ReceivedAt = time.GetUtcNow() };
            await client.ScheduleNewOrchestrationInstanceAsync(_orchestrator, filing, new StartOrchestrationOptions(caseId), cancellationToken);
        }

        // Registered but still in intake after the wait is fine too: the receipt and tracking already answer.
        return await SettleAsync(caseId, view => view is { Waiting: true }, cancellationToken) is not null
            ? caseId
            : throw new TimeoutException($"Case '{caseId}' was started but has not reached the read model within {SettleTimeout}.");
    }

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
        if (CaseStageRules.Check(status.Stage, status.Path, eventName, action) is { } refusal)
        {
            throw new CaseActionRefusedException(caseId, eventName, refusal);
        }

        var input = new CaseInput { Name = eventName, Action = action, ReceivedAt = time.GetUtcNow() };
        await client.RaiseEventAsync(caseId, CaseInput.EventName, input, cancellationToken);

        await SettleAsync(caseId, now => now is null || now.Completed || (now.Waiting && now.InputsHandled > view.InputsHandled), cancellationToken);
    }

    /// <summary>
    /// Polls the read model until <paramref name="settled"/> or <see cref="SettleTimeout"/>, whichever is first, and
    /// returns the last view read. Real time, not the app's clock: a manual clock stands still while the case works.
    /// </summary>
    private async Task<CaseView?> SettleAsync(string caseId, Func<CaseView?, bool> settled, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(SettleTimeout);
        CaseView? view = null;
        try
        {
            while (!settled(view = await readModel.GetAsync(caseId, bounded.Token, withTimeline: false)))
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
