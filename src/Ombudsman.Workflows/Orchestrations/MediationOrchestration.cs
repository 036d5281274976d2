using System.Globalization;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Mediation or conciliation (O7, UU 25/2009 art. 46(5), 50(5)): rounds of 30 days (office policy) until the
/// parties agree or it fails; a round that runs out without agreement counts as failed.
/// </summary>
internal static class MediationOrchestration
{
    public static async Task<MediationResult> RunAsync(CaseWorkflowContext wf)
    {
        wf.Enter(CaseStage.Mediation);
        while (true)
        {
            wf.Status.MediationRounds++;
            var round = wf.Status.MediationRounds.ToString(CultureInfo.InvariantCulture);
            var timer = await wf.StartDeadlineAsync("O7", "mediation-round");
            var data = new Dictionary<string, string> { ["round"] = round };
            await wf.NotifyAsync(NotificationTemplates.MediationScheduled, NotificationRecipient.Complainant, timer.Key, data, timer.Deadline);
            await wf.NotifyAsync(NotificationTemplates.MediationScheduled, NotificationRecipient.Provider, timer.Key, data, timer.Deadline);

            var signal = await wf.WaitAsync();
            wf.Complete(timer);
            var result = signal.Expired is not null ? MediationResult.Failed : signal.Action!.MediationResult!.Value;
            if (signal.Expired is not null)
            {
                wf.RecordStep(TimelineSteps.MediationRoundFailed, CaseActor.System, $"Mediation round {round} ended without agreement ({timer.Deadline!.Citation}): failed.");
            }

            if (result == MediationResult.AnotherRound)
            {
                continue;
            }

            var outcome = new Dictionary<string, string> { ["round"] = round, ["result"] = result.ToString() };
            await wf.NotifyAsync(NotificationTemplates.MediationOutcome, NotificationRecipient.Complainant, timer.Key, outcome);
            await wf.NotifyAsync(NotificationTemplates.MediationOutcome, NotificationRecipient.Provider, timer.Key, outcome);
            wf.RecordStep(TimelineSteps.MediationEnded, CaseActor.System, $"Mediation {result.ToString().ToLowerInvariant()} after {round} round(s).");
            return result;
        }
    }
}
