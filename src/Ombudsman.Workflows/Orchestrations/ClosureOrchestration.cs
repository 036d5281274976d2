using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Closure with reason: provider responses waiting for the daily digest are told, every timer is cancelled (nothing
/// fires later) and the complainant is told.
/// </summary>
internal static class ClosureOrchestration
{
    public static async Task<CaseOutcome> RunAsync(CaseWorkflowContext wf, CaseClosedReason reason, string detail, CaseActor actor, CaseDeadline? deadline = null)
    {
        await wf.SendProviderResponseDigestNowAsync();
        wf.CancelAllTimers();
        wf.Status.ClosedReason = reason;
        wf.Status.ClosedDetail = detail;
        wf.Status.ClosedAt = wf.Now;
        wf.Status.Stage = CaseStage.Closed;
        wf.Record(actor, $"Case closed: {reason}. {detail}", TimelineKind.Closed);
        var template = reason == CaseClosedReason.DeemedWithdrawn ? NotificationTemplates.DeemedWithdrawn : NotificationTemplates.CaseClosed;
        await wf.NotifyAsync(template, NotificationRecipient.Complainant, "closed", new Dictionary<string, string> { ["reason"] = reason.ToString(), ["detail"] = detail }, deadline);
        return new CaseOutcome { CaseId = wf.CaseId, Reason = reason, Detail = detail, ClosedAt = wf.Now };
    }
}
