using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Routing (UU 25/2009 art. 46): the complete file goes to the official who must handle it, the complainant is
/// told, and the provider gets the case with its deadline. On the provider path the decision clock (P8) starts here.
/// </summary>
internal static class RoutingOrchestration
{
    /// <returns>The running decision deadline (provider path), or null.</returns>
    public static async Task<CaseTimer?> RunAsync(CaseWorkflowContext wf)
    {
        wf.Enter(CaseStage.Routing);
        var provider = wf.Complaint.Provider;
        wf.Status.RoutedTo = wf.IsProviderPath
            ? provider.Kind switch
            {
                ProviderKind.ImplementingOfficer => $"the superior of the implementing officer at {provider.Name}",
                ProviderKind.GovernmentUnit => $"the superior of the work unit {provider.Name}",
                _ => $"the official of the agency that gave {provider.Name} its mission",
            }
            : $"the examination team of {wf.Complaint.Office.Name}";
        if (wf.IsProviderPath)
        {
            wf.RecordStep(TimelineSteps.Routed, CaseActor.System, $"Routed to {wf.Status.RoutedTo} ({wf.Cite(StatuteProvisions.RoutingToSuperior)}).");
        }
        else
        {
            wf.RecordStep(TimelineSteps.Assigned, CaseActor.System, $"Assigned to {wf.Status.RoutedTo} for examination.");
        }

        var decision = wf.IsProviderPath ? await DecisionAndDeliveryOrchestration.StartDecisionDeadlineAsync(wf) : null;
        var routed = new Dictionary<string, string> { ["routedTo"] = wf.Status.RoutedTo };
        await wf.NotifyAsync(NotificationTemplates.FileCompleteRouted, NotificationRecipient.Complainant, "routed", routed, decision?.Deadline);
        await wf.NotifyAsync(NotificationTemplates.ProviderNewCase, NotificationRecipient.Provider, "routed", routed, decision?.Deadline);
        return decision;
    }
}
