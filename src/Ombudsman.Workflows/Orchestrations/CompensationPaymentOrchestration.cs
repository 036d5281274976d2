using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Compensation payment tracking: the amount and last day set in the decision (P10, UU 25/2009 art. 50(3)-(4))
/// or the special adjudication (O12). Unpaid at the deadline: reminder to the provider, escalation, referral to
/// the Ombudsman, and the complainant is told; payment is still awaited.
/// </summary>
internal static class CompensationPaymentOrchestration
{
    public static async Task RunAsync(CaseWorkflowContext wf, CaseAction decision, string ruleId)
    {
        wf.Enter(CaseStage.CompensationPayment);
        wf.Status.CompensationAmount = decision.CompensationAmount;
        wf.Status.PaymentDueDate = decision.PaymentDueDate;
        var amount = new Dictionary<string, string> { ["amount"] = CaseWorkflowContext.Money(decision.CompensationAmount!.Value) };
        var payment = await wf.StartDeadlineAsync(ruleId, "compensation-payment", async t =>
        {
            await wf.OverdueAsync(t, "compensation unpaid: reminder, escalation, referral to the Ombudsman", escalate: true);
            if (wf.IsProviderPath)
            {
                wf.Status.ReferredToOmbudsman = true;
                wf.RecordStep(TimelineSteps.ReferredToOmbudsman, CaseActor.System, $"Referred to the Ombudsman for unpaid compensation ({wf.Cite("P10")}).");
            }

            await wf.NotifyAsync(NotificationTemplates.ProviderReminder, NotificationRecipient.Provider, t.Key, amount, t.Deadline);
            await wf.NotifyAsync(NotificationTemplates.CompensationOverdue, NotificationRecipient.Complainant, t.Key, amount, t.Deadline);
        }, fixedDueDate: decision.PaymentDueDate);
        await wf.NotifyAsync(NotificationTemplates.CompensationSet, NotificationRecipient.Complainant, payment.Key, amount, payment.Deadline);
        await wf.NotifyAsync(NotificationTemplates.CompensationSet, NotificationRecipient.Provider, payment.Key, amount, payment.Deadline);

        await wf.WaitAsync();
        wf.Complete(payment);
        wf.RecordStep(TimelineSteps.CompensationPaid, CaseActor.System, $"Compensation of {amount["amount"]} paid.");
        await wf.NotifyAsync(NotificationTemplates.CompensationPaid, NotificationRecipient.Complainant, payment.Key, amount);
    }
}
