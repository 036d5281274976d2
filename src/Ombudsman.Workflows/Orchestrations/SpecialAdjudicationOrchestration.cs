using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Special adjudication on compensation after mediation or conciliation failed (O12, UU 25/2009 art. 50(5)-(7),
/// PO 31/2018): a final and binding decision with the amount and a payment deadline; 30 days to decide (policy).
/// </summary>
internal static class SpecialAdjudicationOrchestration
{
    public static async Task<CaseAction> RunAsync(CaseWorkflowContext wf)
    {
        wf.Enter(CaseStage.SpecialAdjudication);
        var decide = await wf.StartDeadlineAsync("O12", "adjudication-decision", t => wf.OverdueAsync(t, "special adjudication not decided in time", escalate: false));
        var signal = await wf.WaitAsync();
        wf.Complete(decide);
        var decision = signal.Action!;
        wf.RecordStep(
            TimelineSteps.AdjudicationDecided,
            decision.Actor,
            $"Special adjudication decided: compensation {CaseWorkflowContext.Money(decision.CompensationAmount!.Value)} to be paid by {CaseWorkflowContext.Iso(decision.PaymentDueDate!.Value)}.");
        return decision;
    }
}
