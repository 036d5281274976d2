using System.Globalization;
using Microsoft.DurableTask;
using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// A holiday calendar year was published or amended while the case runs (<see cref="CaseEvents.CalendarAmended"/>):
/// each deadline whose count went through that year with an earlier calendar (provisionally, or with an older version)
/// is counted again from what it was counted from, in the <c>ComputeCaseDeadline</c> activity like every deadline, so
/// the result is in history and a replay never counts differently.
/// <list type="bullet">
/// <item>A running deadline whose last day changes moves: its timer and reminders are set again, the timeline records the
/// old and new last day citing the decree, and the parties who must act by it are emailed. A provisional deadline counted
/// with the published decree is no longer provisional.</item>
/// <item>A running deadline whose last day does not change keeps it; its explanation now names the new version, and a
/// staff-only note says why, so staff comparing explanations are not left guessing, while no party hears of a change
/// that is none.</item>
/// <item>A deadline that already passed (its consequence applied, or due before the amendment reached the case) is not
/// reopened: when the new calendar would have ended it on another day, one entry names the decree and says the
/// consequence stands.</item>
/// </list>
/// </summary>
internal static class CalendarAmendment
{
    private static readonly TaskOptions RecountRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromMinutes(1), backoffCoefficient: 2));

    /// <summary>Deadline kinds the provider (or the reported party or its superior) must meet: it is told when they move.</summary>
    private static readonly HashSet<string> ProviderMustAct = new(StringComparer.Ordinal)
    {
        "decision", "decision-delivery", "evidence-request", "clarification-request", "clarification-second-request",
        "corrective-actions", "recommendation", "compensation-payment",
    };

    public static async Task ApplyAsync(CaseWorkflowContext wf, CalendarPublication calendar)
    {
        // The fan-out may tell a case of one publication more than once (a retried sweep); once is enough.
        if (!wf.CalendarsApplied.Add(calendar.Label))
        {
            return;
        }

        var running = wf.RunningTimers
            .Where(t => t is { Deadline: { } d, Request: not null } && calendar.Concerns(d.ProvisionalYears, d.CalendarVersions))
            .OrderBy(t => t.DueAt)
            .ToList();
        foreach (var timer in running)
        {
            if (await RecountAsync(wf, timer, calendar) is not { } recounted)
            {
                continue;
            }

            if (timer.DueAt <= wf.Now)
            {
                // Due before the amendment reached the case, its expiry not applied yet: it passed all the same.
                ConsequenceStands(wf, timer.Deadline!, recounted, calendar);
            }
            else if (recounted.DueDate == timer.Deadline!.DueDate)
            {
                wf.Reschedule(timer, timer.DueAt, recounted);
                wf.Record(
                    CaseActor.System,
                    $"Deadline {recounted.RuleId} ({recounted.Kind}) recounted with {calendar.Label}: its last day {Iso(recounted.DueDate)} does not change.",
                    visibility: TimelineVisibility.Staff);
            }
            else
            {
                await MoveAsync(wf, timer, recounted, calendar);
            }
        }

        var passed = wf.PassedDeadlines
            .Where(t => t is { Deadline: { } d, Request: not null } && calendar.Concerns(d.ProvisionalYears, d.CalendarVersions))
            .ToList();
        foreach (var timer in passed)
        {
            if (await RecountAsync(wf, timer, calendar) is { } recounted)
            {
                ConsequenceStands(wf, timer.Deadline!, recounted, calendar);
            }
        }
    }

    /// <summary>The deadline counted again from its trigger with the calendar as published now (at least this version).</summary>
    private static async Task<CaseDeadline?> RecountAsync(CaseWorkflowContext wf, CaseTimer timer, CalendarPublication calendar)
    {
        var request = timer.Request! with { RequiredCalendar = new CalendarVersionUsed(calendar.Year, calendar.Version) };
        try
        {
            return await wf.Orchestration.CallActivityAsync<CaseDeadline>(CaseActivityNames.ComputeDeadline, request, RecountRetry);
        }
        catch (TaskFailedException e)
        {
            wf.Record(
                CaseActor.System,
                $"Deadline {request.RuleId} ({request.Kind}) could not be recounted with {calendar.Label}; it keeps its last day: {e.FailureDetails.ErrorMessage}",
                visibility: TimelineVisibility.Staff);
            return null;
        }
    }

    private static async Task MoveAsync(CaseWorkflowContext wf, CaseTimer timer, CaseDeadline recounted, CalendarPublication calendar)
    {
        var old = timer.Deadline!;
        var zone = wf.Complaint.Office.TimeZone;
        var reminders = wf.RunningTimers.Where(t => t.Parent == timer).ToList();
        wf.Reschedule(timer, recounted.DueAt, recounted);
        foreach (var reminder in reminders)
        {
            // A reminder keeps its distance from the last day (7 days before stays 7 days before, at the same hour).
            var daysBefore = old.DueDate.DayNumber - zone.DateOf(reminder.DueAt).DayNumber;
            var at = zone.StartOf(recounted.DueDate.AddDays(-daysBefore)) + CaseWorkflowContext.ReminderTimeOfDay;
            if (at <= wf.Now)
            {
                wf.StopTimer(reminder);
            }
            else
            {
                wf.Reschedule(reminder, at);
            }
        }

        wf.Record(
            CaseActor.System,
            $"Deadline {recounted.RuleId} ({recounted.Kind}) moved from {Iso(old.DueDate)} to {Iso(recounted.DueDate)} ({recounted.Citation}): "
                + $"recounted with {calendar.Label}, published {Iso(zone.DateOf(calendar.PublishedAt))}: {recounted.Explanation}.",
            TimelineKind.DeadlineMoved);

        var data = new Dictionary<string, string>
        {
            ["previousDeadline"] = Iso(old.DueDate),
            ["decreeNumber"] = calendar.DecreeNumber,
            ["decreeDate"] = Iso(calendar.DecreeDate),
        };
        await wf.NotifyAsync(NotificationTemplates.DeadlineMoved, NotificationRecipient.Complainant, timer.Key, data, recounted);
        if (ProviderMustAct.Contains(recounted.Kind))
        {
            await wf.NotifyAsync(NotificationTemplates.DeadlineMoved, NotificationRecipient.Provider, timer.Key, data, recounted);
        }
    }

    private static void ConsequenceStands(CaseWorkflowContext wf, CaseDeadline passed, CaseDeadline recounted, CalendarPublication calendar)
    {
        if (recounted.DueDate == passed.DueDate)
        {
            return;
        }

        wf.Record(
            CaseActor.System,
            $"Deadline {passed.RuleId} ({passed.Kind}) passed on {Iso(passed.DueDate)} and is not reopened: counted with {calendar.Label} "
                + $"it would end on {Iso(recounted.DueDate)}, but a deadline that passed keeps its consequence, which stands.");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
