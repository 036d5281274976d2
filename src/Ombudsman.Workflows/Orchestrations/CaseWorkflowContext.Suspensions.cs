using System.Globalization;
using Microsoft.DurableTask;
using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Suspending and resuming a deadline. Suspending cancels the deadline's durable timer and its reminders (the stage
/// keeps its <see cref="CaseTimer"/>, which simply does not fire) and starts a timer that flags the suspension to the
/// head of office after <see cref="StatuteOptions.SuspensionAlertDays"/>. Resuming moves the last day by the days it
/// stood still, computed by the deadline activity (so the calendar used is in history), re-arms the timer under a new
/// key (an old <see cref="DeadlineDue"/> raised before the suspension can never fire it) and the reminders still
/// ahead. Only the two staff actions reach this code, so cases whose history has neither replay as before.
/// </summary>
internal sealed partial class CaseWorkflowContext
{
    private const string SuspensionAlertKind = "suspension-alert";

    private readonly List<SuspendedTimer> _suspended = [];

    /// <summary>Applies a suspend or resume action the case accepted; false for any other signal (the stage's own).</summary>
    private async Task<bool> TakeSuspensionAsync(CaseSignal signal)
    {
        if (!signal.Is(CaseEvents.SuspendDeadline) && !signal.Is(CaseEvents.ResumeDeadline))
        {
            return false;
        }

        var action = signal.Action!;
        var open = DeadlineSuspensionRules.Find(Status.OpenDeadlines, action.DeadlineRuleId!)!;
        if (signal.Is(CaseEvents.SuspendDeadline))
        {
            await SuspendAsync(open, action);
        }
        else
        {
            await ResumeAsync(open);
        }

        return true;
    }

    private async Task SuspendAsync(OpenDeadline open, CaseAction action)
    {
        var timer = _timers.Find(t => t.Deadline is { } d && Shows(open, d));
        if (timer is null)
        {
            // Accepted against the open deadlines, which list only running timers; kept as a guard for the history.
            Record(CaseActor.System, $"Deadline {open.RuleId} ({open.Kind}) has no running timer; nothing suspended.", visibility: TimelineVisibility.Staff);
            return;
        }

        var reason = action.SuspensionReason!.Value;
        var reminders = _timers.Where(t => t.Parent == timer).ToList();
        timer.Cancellation.Cancel();
        _timers.Remove(timer);
        foreach (var reminder in reminders)
        {
            reminder.Cancellation.Cancel();
            _timers.Remove(reminder);
        }

        var alertAt = await Orchestration.CallActivityAsync<DateTimeOffset>(CaseActivityNames.SuspensionAlertAt, Now, ActivityRetry);
        var suspended = new SuspendedTimer(timer, Now, reason, reminders);
        suspended.Alert = StartTimer(SuspensionAlertKind, alertAt, onExpired: alert => FlagSuspensionAsync(suspended, alert));
        _suspended.Add(suspended);
        var since = Complaint.Office.TimeZone.DateOf(Now);
        ReplaceOpenDeadline(open, open with { Suspended = new DeadlineSuspension { Since = Now, SinceDate = since, Reason = reason, By = action.Actor } });
        Record(
            CaseActor.System,
            $"Deadline {open.RuleId} ({open.Kind}) suspended from {Iso(since)}: {SuspensionReasons.Words(reason)}. Its last day, {Iso(open.DueDate)}, moves by the days it stands still ({open.Citation}).",
            TimelineKind.DeadlineSuspended);
    }

    private async Task ResumeAsync(OpenDeadline open)
    {
        var suspended = _suspended.Find(s => Shows(open, s.Timer.Deadline!));
        if (suspended is null)
        {
            Record(CaseActor.System, $"Deadline {open.RuleId} ({open.Kind}) has no suspension on record; nothing resumed.", visibility: TimelineVisibility.Staff);
            return;
        }

        var timer = suspended.Timer;
        var before = timer.Deadline!;
        var moved = await ComputeDeadlineAsync(new DeadlineRequest
        {
            RuleSetVersion = Status.RuleSetVersion!,
            RuleId = before.RuleId,
            Kind = before.Kind,
            OfficeTimeZone = Complaint.Office.TimeZoneCode,
            TriggerAt = Now,
            Resumes = new DeadlineResumption { Deadline = before, SuspendedAt = suspended.Since, Reason = suspended.Reason },
        });

        _suspended.Remove(suspended);
        if (suspended.Alert is { } alert)
        {
            Stop(alert);
        }

        Status.OpenDeadlines.RemoveAll(d => Shows(d, before));
        var rearmed = StartTimer(timer.Kind, moved.DueAt, moved, timer.OnExpired, timer.Parent);
        _timers.Remove(rearmed);
        MoveDeadlineRecord(timer, rearmed.Key, rearmed.DueAt);
        timer.Key = rearmed.Key;
        timer.DueAt = rearmed.DueAt;
        timer.Fired = rearmed.Fired;
        timer.Cancellation = rearmed.Cancellation;
        timer.Deadline = moved;

        // A recount from the first trigger would drop the days it stood still: an amended calendar leaves a resumed
        // deadline as counted (its explanation names the calendar version), rather than count it wrongly.
        timer.Request = null;
        _timers.Add(timer);
        Status.OpenDeadlines.Add(OpenDeadlineOf(moved));

        // Reminders keep their distance from the last day; one that would now fall in the past is not sent.
        var shift = TimeSpan.FromDays(moved.DueDate.DayNumber - before.DueDate.DayNumber);
        foreach (var reminder in suspended.Reminders.Where(r => r.DueAt + shift > Now))
        {
            StartTimer(reminder.Kind, reminder.DueAt + shift, onExpired: reminder.OnExpired, parent: timer);
        }

        var period = moved.Suspensions[^1];
        var unit = period.DayType == DayType.Working ? "working" : "calendar";
        Record(
            CaseActor.System,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Deadline {moved.RuleId} ({moved.Kind}) resumed after {period.Days} {unit} day{(period.Days == 1 ? "" : "s")} suspended ({Iso(period.From)} to {Iso(period.To)}: {SuspensionReasons.Words(period.Reason)}); now runs to {Iso(moved.DueDate)} ({moved.Citation}): {moved.Explanation}."),
            TimelineKind.DeadlineResumed);
    }

    /// <summary>The suspension has lasted longer than the setting: the head of office is told once, through the office's staff mailbox.</summary>
    private async Task FlagSuspensionAsync(SuspendedTimer suspended, CaseTimer alert)
    {
        suspended.Alert = null;
        var deadline = suspended.Timer.Deadline!;
        var days = (int)Math.Round((alert.DueAt - suspended.Since).TotalDays);
        var since = Iso(Complaint.Office.TimeZone.DateOf(suspended.Since));
        if (Status.OpenDeadlines.Find(d => Shows(d, deadline)) is { Suspended: { } shown } open)
        {
            ReplaceOpenDeadline(open, open with { Suspended = shown with { FlaggedAt = Now } });
        }

        var consequence = string.Create(
            CultureInfo.InvariantCulture,
            $"deadline {deadline.RuleId} has been suspended for more than {days} days (since {since}: {SuspensionReasons.Words(suspended.Reason)}); the head of office should review the suspension and resume it or record why it continues. Its last day moves by the days it stands still.");
        Record(
            CaseActor.System,
            string.Create(CultureInfo.InvariantCulture, $"Deadline {deadline.RuleId} ({deadline.Kind}) suspended for more than {days} days (since {since}): flagged to the head of office."),
            visibility: TimelineVisibility.Staff);
        await NotifyAsync(
            NotificationTemplates.StaffEscalation,
            NotificationRecipient.Staff,
            alert.Key,
            new Dictionary<string, string> { ["consequence"] = consequence, ["escalated"] = "false" },
            deadline);
    }

    /// <summary>The deadline step is done (or the case closes) while suspended: its suspension ends with it, unflagged.</summary>
    private void ForgetSuspension(CaseTimer timer)
    {
        if (_suspended.Find(s => s.Timer == timer) is not { } suspended)
        {
            return;
        }

        _suspended.Remove(suspended);
        if (suspended.Alert is { } alert)
        {
            Stop(alert);
        }
    }

    /// <summary>The case is closing: suspended deadlines leave the case with the running ones.</summary>
    private void ForgetSuspensions()
    {
        foreach (var suspended in _suspended.ToList())
        {
            ForgetSuspension(suspended.Timer);
            RemoveOpenDeadline(suspended.Timer.Deadline!);
        }
    }

    private void ReplaceOpenDeadline(OpenDeadline open, OpenDeadline replacement)
    {
        var index = Status.OpenDeadlines.IndexOf(open);
        if (index >= 0)
        {
            Status.OpenDeadlines[index] = replacement;
            Publish();
        }
    }

    private static bool Shows(OpenDeadline open, CaseDeadline deadline) =>
        open.RuleId == deadline.RuleId && open.Kind == deadline.Kind && open.DueAt == deadline.DueAt;

    /// <summary>A deadline whose clock stands still: its timer (held by the stage), since when and why, and what it stopped.</summary>
    private sealed class SuspendedTimer(CaseTimer timer, DateTimeOffset since, SuspensionReason reason, IReadOnlyList<CaseTimer> reminders)
    {
        public CaseTimer Timer { get; } = timer;

        public DateTimeOffset Since { get; } = since;

        public SuspensionReason Reason { get; } = reason;

        /// <summary>The reminders that had not fired yet; re-armed on resumption at the same distance from the moved last day.</summary>
        public IReadOnlyList<CaseTimer> Reminders { get; } = reminders;

        /// <summary>The timer that flags a long suspension; null once it fired or was stopped.</summary>
        public CaseTimer? Alert { get; set; }
    }
}
