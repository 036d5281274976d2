using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// After the parties agreed in mediation or conciliation, the agreement is monitored until it is carried out (STATUTE.md
/// stages: agreed -> monitoring -> closed: resolved). The law sets no period; the rule set's office-policy rule O7A does.
/// When it passes the case is flagged and escalated and the provider reminded; monitoring goes on until staff record the
/// agreement carried out, or close the case as unresolved.
/// </summary>
internal static class AgreementMonitoringOrchestration
{
    public static async Task RunAsync(CaseWorkflowContext wf)
    {
        wf.Enter(CaseStage.AgreementMonitoring);
        var agreement = new Dictionary<string, string> { ["request"] = "agreement" };
        var monitoring = await wf.StartDeadlineAsync("O7A", "agreement-monitoring", async t =>
        {
            await wf.OverdueAsync(t, "the agreement was not carried out in time: follow it up, or close the case as unresolved", escalate: true);
            await wf.NotifyAsync(NotificationTemplates.ProviderOverdue, NotificationRecipient.Provider, t.Key, agreement, t.Deadline);
        });
        await wf.NotifyAsync(NotificationTemplates.ProviderReminder, NotificationRecipient.Provider, monitoring.Key, agreement, monitoring.Deadline);

        // Only the agreement carried out ends the wait: the deadline's consequence runs in the background.
        await wf.WaitAsync();
        wf.Complete(monitoring);
        wf.RecordStep(TimelineSteps.AgreementCarriedOut, CaseActor.System, $"The agreement reached in mediation or conciliation was carried out ({monitoring.Deadline!.Citation}).");
    }
}
