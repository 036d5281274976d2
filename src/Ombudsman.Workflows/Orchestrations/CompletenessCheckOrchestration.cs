using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Completeness check (P5 on the provider path, O4 verification on the Ombudsman path) and the cure window (P6; O3):
/// which rule governs each is the pinned rule set's answer (<see cref="RuleSteps"/>). The cure window is counted from the
/// complainant's receipt of the notice, reminders 7 days and 1 day before, deemed withdrawn when it passes (never while
/// the notice has not been received).
/// </summary>
internal static class CompletenessCheckOrchestration
{
    public static async Task RunAsync(CaseWorkflowContext wf)
    {
        wf.Enter(CaseStage.CompletenessCheck);
        var answer = await wf.StartDeadlineAsync(wf.RuleFor(RuleSteps.CompletenessAnswer), RuleSteps.CompletenessAnswer, t => wf.OverdueAsync(
            // P5 (UU 25) escalates to the head of unit; O4 (office practice) only flags the case overdue.
            t, wf.IsProviderPath ? "no answer on completeness in time: escalated to the head of unit, reminder to staff" : "verification not decided in time: overdue", escalate: wf.IsProviderPath), from: wf.Status.ReceivedAt);
        var signal = await wf.WaitAsync();
        wf.Complete(answer);
        if (signal.Is(CaseEvents.FileIncomplete))
        {
            await CureWindowAsync(wf, signal.Action!);
        }

        wf.RecordStep(TimelineSteps.FileComplete, CaseActor.System, "File complete.");
    }

    private static async Task CureWindowAsync(CaseWorkflowContext wf, CaseAction incomplete)
    {
        wf.Enter(CaseStage.CureWindow);
        var missing = string.Join("; ", incomplete.MissingItems!);
        var reminded = new Dictionary<string, string> { ["missingItems"] = missing };

        // The window counts from the complainant's receipt of the notice, not from its sending: the timer starts when
        // the email is accepted, or when staff confirm receipt by other means; until then nothing can expire.
        var cure = await wf.StartOnReceiptAsync(
            wf.RuleFor(RuleSteps.CureWindow),
            RuleSteps.CureWindow,
            NotificationTemplates.FileIncomplete,
            NotificationRecipient.Complainant,
            reminded,
            onStarted: started =>
            {
                wf.StartReminder(started, 7, "cure-reminder-7d", t =>
                    wf.NotifyAsync(NotificationTemplates.CureReminder7Days, NotificationRecipient.Complainant, t.Key, reminded, started.Deadline));
                wf.StartReminder(started, 1, "cure-reminder-1d", t =>
                    wf.NotifyAsync(NotificationTemplates.CureReminder1Day, NotificationRecipient.Complainant, t.Key, reminded, started.Deadline));
            });

        var signal = await wf.WaitAsync();
        if (signal.Expired is not null)
        {
            throw new CaseEndedException(
                CaseClosedReason.DeemedWithdrawn,
                $"The file was not completed by {CaseWorkflowContext.Iso(cure.Deadline!.DueDate)}: deemed withdrawn ({cure.Deadline.Citation}).",
                CaseActor.System,
                cure.Deadline);
        }

        wf.Complete(cure);
    }
}
