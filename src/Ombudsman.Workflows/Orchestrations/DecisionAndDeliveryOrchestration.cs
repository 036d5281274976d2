using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Decision and delivery: the decision is due 60 days after the file is complete (P8, UU 25/2009 art. 50(1)),
/// overdue means escalation; it must reach the complainant, with a copy, within 14 days (P9, P11, art. 50(2), (9)),
/// overdue means a flag. On the Ombudsman path the final result is delivered when issued.
/// </summary>
internal static class DecisionAndDeliveryOrchestration
{
    /// <summary>Starts P8 with its consequences: provider reminder 7 days before; escalation when it passes.</summary>
    public static async Task<CaseTimer> StartDecisionDeadlineAsync(CaseWorkflowContext wf)
    {
        var decision = await wf.StartDeadlineAsync("P8", "decision", async t =>
        {
            await wf.OverdueAsync(t, $"no decision in {t.Deadline?.Duration?.ToString() ?? "time"}: escalated; sanction track", escalate: true);
            await wf.NotifyAsync(NotificationTemplates.ProviderOverdue, NotificationRecipient.Provider, t.Key, deadline: t.Deadline);
        });
        wf.StartReminder(decision, 7, "decision-reminder", t =>
            wf.NotifyAsync(NotificationTemplates.ProviderReminder, NotificationRecipient.Provider, t.Key, deadline: decision.Deadline));
        return decision;
    }

    public static async Task DeliverAsync(CaseWorkflowContext wf, CaseAction decision)
    {
        var summary = new Dictionary<string, string> { ["decision"] = decision.Note ?? "" };
        if (decision.CompensationAmount is { } amount)
        {
            summary["amount"] = CaseWorkflowContext.Money(amount);
        }

        if (!wf.IsProviderPath)
        {
            var finding = decision.Maladministration == true ? "maladministration found" : "no maladministration found";
            wf.RecordStep(TimelineSteps.FinalResultIssued, decision.Actor, $"Final examination result (LHP) issued: {finding} ({wf.Cite("O9")}).");
            summary["finding"] = finding;
            await wf.NotifyAsync(NotificationTemplates.DecisionDelivered, NotificationRecipient.Complainant, "final-result", summary);
            await wf.NotifyAsync(NotificationTemplates.DecisionDelivered, NotificationRecipient.Provider, "final-result", summary);
            return;
        }

        wf.Enter(CaseStage.Delivery);
        var delivery = await wf.StartDeadlineAsync("P9", "decision-delivery", t => wf.OverdueAsync(t, $"decision not delivered in {t.Deadline?.Duration?.ToString() ?? "time"}", escalate: false));
        await wf.WaitAsync();
        wf.Complete(delivery);
        await wf.NotifyAsync(NotificationTemplates.DecisionDelivered, NotificationRecipient.Complainant, "decision", summary);
        wf.RecordStep(TimelineSteps.DecisionDelivered, CaseActor.System, $"Decision delivered to the complainant with a copy ({wf.Cite("P9")}; {wf.Cite("P11")}).");
    }
}
