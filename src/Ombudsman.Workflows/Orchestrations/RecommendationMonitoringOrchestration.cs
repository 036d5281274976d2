using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Ombudsman path after a final result with corrective actions: 30 working days to carry them out (O10,
/// PO 58/2023 art. 54); if not, resolution and monitoring (O10A, office policy), in which the actions may still be
/// reported done; then, when staff issue it, a recommendation to the superior with 60 days to implement it (O11, UU 37/2008
/// art. 38-39), after which the Ombudsman may publish the superior's name (publication flag) and escalate.
/// </summary>
internal static class RecommendationMonitoringOrchestration
{
    public static async Task RunAsync(CaseWorkflowContext wf, CaseAction finalResult)
    {
        wf.Enter(CaseStage.CorrectiveActions);
        var actions = string.Join("; ", finalResult.CorrectiveActions!);
        var corrective = await wf.StartDeadlineAsync("O10", "corrective-actions");
        var signal = await wf.WaitAsync();
        wf.Complete(corrective);
        if (signal.Expired is null)
        {
            wf.RecordStep(TimelineSteps.CorrectiveActionsDone, CaseActor.System, $"Corrective actions carried out ({corrective.Deadline?.Citation ?? wf.Cite("O10")}).");
            return;
        }

        await wf.OverdueAsync(corrective, "corrective actions not carried out: resolution and monitoring, then recommendation", escalate: true);
        await wf.NotifyAsync(NotificationTemplates.ProviderOverdue, NotificationRecipient.Provider, corrective.Key, new Dictionary<string, string> { ["correctiveActions"] = actions }, corrective.Deadline);

        // Resolution and monitoring (O10A): the office follows the corrective actions up before it recommends.
        wf.Enter(CaseStage.ResolutionMonitoring);
        var resolution = await wf.StartDeadlineAsync("O10A", "resolution-monitoring", t =>
            wf.OverdueAsync(t, "resolution and monitoring ended without the corrective actions: issue the recommendation", escalate: true));
        wf.RecordStep(
            TimelineSteps.ResolutionMonitoring,
            CaseActor.System,
            $"Corrective actions overdue: the office follows them up with {wf.Complaint.Provider.Name} before a recommendation ({resolution.Deadline!.Citation}).");
        var followed = await wf.WaitAsync();
        wf.Complete(resolution);
        if (followed.Is(CaseEvents.CorrectiveActionsReported))
        {
            wf.RecordStep(TimelineSteps.CorrectiveActionsDone, CaseActor.System, $"Corrective actions carried out during resolution and monitoring ({resolution.Deadline.Citation}).");
            return;
        }

        wf.Enter(CaseStage.RecommendationMonitoring);
        var recommendation = await wf.StartDeadlineAsync("O11", "recommendation", async t =>
        {
            wf.Status.PublicationFlag = true;
            await wf.OverdueAsync(t, $"recommendation not implemented in {t.Deadline?.Duration?.ToString() ?? "time"}: the Ombudsman may publish the superior's name and report to the DPR and the President", escalate: true);
        });
        wf.RecordStep(TimelineSteps.RecommendationIssued, CaseActor.System, $"Recommendation issued to the superior of {wf.Complaint.Provider.Name} ({wf.Cite("O11")}).");
        await wf.NotifyAsync(NotificationTemplates.RecommendationIssued, NotificationRecipient.Provider, recommendation.Key, new Dictionary<string, string> { ["correctiveActions"] = actions }, recommendation.Deadline);
        await wf.WaitAsync();
        wf.Complete(recommendation);
        wf.RecordStep(TimelineSteps.RecommendationImplemented, CaseActor.System, $"Recommendation implemented ({wf.Cite("O11")}).");
    }
}
