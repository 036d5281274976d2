using System.Globalization;
using System.Text.RegularExpressions;
using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Handing the case to another regional office (PO 58/2023 art. 17, rule <see cref="CaseTransferRule.RuleId"/>). The
/// case keeps its id, receipt, stage and history; its office (and so its lists, its staff mailbox and the zone its
/// dates are read in) becomes the receiving one. Every running deadline keeps the number of days it has left: its last
/// day stays the same date, which now ends at 23:59 in the receiving office's zone (the holiday calendar is national,
/// so a working-day count has the same days left in either office). A suspended deadline keeps its last day the same
/// way. Reminders keep their distance from the last day, at 09:00 in the new zone. The complainant and the staff of
/// both offices are emailed. Only the transfer action reaches this code, so cases whose history has none replay as before.
/// </summary>
internal sealed partial class CaseWorkflowContext
{
    private int _transfers;

    /// <summary>Applies a transfer the case accepted; false for any other signal.</summary>
    private async Task<bool> TakeTransferAsync(CaseSignal signal)
    {
        if (!signal.Is(CaseEvents.TransferOffice))
        {
            return false;
        }

        var action = signal.Action!;
        var target = await Orchestration.CallActivityAsync<CaseTransferTarget>(
            CaseActivityNames.ResolveTransfer,
            new CaseTransferRequest { RuleSetVersion = Status.RuleSetVersion!, ReceivingOffice = action.ReceivingOffice! },
            ActivityRetry);
        var from = Complaint.Office;
        if (target.Office is not { } to || string.Equals(to.Code, from.Code, StringComparison.OrdinalIgnoreCase))
        {
            var why = target.Problem ?? $"the case is already at {from.Name} ({from.Code})";
            Record(action.Actor, $"Refused '{CaseEvents.TransferOffice}' ({CaseActionRefusal.DetailsMissing}): {why}.", TimelineKind.Refused, TimelineVisibility.Staff, CaseEvents.TransferOffice);
            return true;
        }

        var number = ++_transfers;
        Complaint = Complaint with { Office = to };
        Status.Office = to.Code;
        Status.OfficeTimeZone = to.TimeZoneCode;
        Status.OfficeName = to.Name;
        var moved = KeepLastDaysIn(from.TimeZone, to.TimeZone);
        var deadlines = moved.Count == 0
            ? "no deadline is running"
            : "running deadlines keep their last day, now ending 23:59 " + to.TimeZoneCode + ": " + string.Join(", ", moved);
        RecordStep(
            TimelineSteps.Transferred,
            CaseActor.System,
            $"Transferred from {from.Name} ({from.Code}) to {to.Name} ({to.Code}) ({target.Citation}): {action.Note}; {deadlines}.");

        var data = new Dictionary<string, string>
        {
            ["previousOffice"] = from.Name,
            ["receivingOffice"] = to.Name,
            ["reason"] = action.Note!,
            ["citation"] = target.Citation!,
        };
        var step = string.Create(CultureInfo.InvariantCulture, $"transfer-{number}");
        await NotifyAsync(NotificationTemplates.CaseTransferred, NotificationRecipient.Complainant, step, data);
        await NotifyAsync(NotificationTemplates.CaseTransferred, NotificationRecipient.Staff, step + "-receiving", data);
        await NotifyAsync(NotificationTemplates.CaseTransferred, NotificationRecipient.Staff, step + "-sending", data, office: from.Code);
        return true;
    }

    /// <summary>
    /// Every running and suspended deadline keeps its last day as a date, ending in <paramref name="to"/>'s zone; each
    /// timer takes a new key (as a recount does), so the row the sending office's partition held is not raised again.
    /// Returns "rule last-day" of each, for the timeline.
    /// </summary>
    private List<string> KeepLastDaysIn(OfficeTimeZone from, OfficeTimeZone to)
    {
        var moved = new List<string>();
        foreach (var timer in _timers.Where(t => t.Deadline is not null).OrderBy(t => t.DueAt).ToList())
        {
            var old = timer.Deadline!;
            var reminders = _timers.Where(t => t.Parent == timer).ToList();
            var kept = InZone(old, to);
            if (timer.Request is { } request)
            {
                // A recount after a calendar amendment counts from the same legal date and time of day, now in the new zone.
                timer.Request = request with { OfficeTimeZone = to.Code, TriggerAt = SameLocalTime(request.TriggerAt, from, to) };
            }

            Reschedule(timer, kept.DueAt, kept);
            foreach (var reminder in reminders)
            {
                var at = SameLocalTime(reminder.DueAt, from, to);
                if (at <= Now)
                {
                    StopTimer(reminder);
                }
                else
                {
                    Reschedule(reminder, at);
                }
            }

            moved.Add($"{kept.RuleId} {Iso(kept.DueDate)}");
        }

        foreach (var suspended in _suspended)
        {
            var old = suspended.Timer.Deadline!;
            var kept = InZone(old, to);
            if (Status.OpenDeadlines.Find(d => Shows(d, old)) is { } open)
            {
                ReplaceOpenDeadline(open, open with { DueAt = kept.DueAt, Explanation = kept.Explanation });
            }

            MoveDeadlineRecord(suspended.Timer, suspended.Timer.Key, kept.DueAt);
            suspended.Timer.Deadline = kept;
            suspended.Timer.DueAt = kept.DueAt;
            foreach (var reminder in suspended.Reminders)
            {
                reminder.DueAt = SameLocalTime(reminder.DueAt, from, to);
            }

            moved.Add($"{kept.RuleId} {Iso(kept.DueDate)} (suspended)");
        }

        return moved;
    }

    /// <summary>The deadline with the same last day, ending at the end of that day in <paramref name="zone"/>.</summary>
    private static CaseDeadline InZone(CaseDeadline deadline, OfficeTimeZone zone)
    {
        var ends = $"transferred, the last day kept: ends {Iso(deadline.DueDate)} 23:59 {zone.Code}";
        var explanation = EndsIn().Match(deadline.Explanation) is { Success: true } m ? $"{m.Groups[1].Value}; {ends}" : $"{deadline.Explanation}; {ends}";
        return deadline with { DueAt = zone.StartOf(deadline.DueDate.AddDays(1)), Explanation = explanation };
    }

    /// <summary>The instant with the same local date and time of day in <paramref name="to"/> as it had in <paramref name="from"/>.</summary>
    private static DateTimeOffset SameLocalTime(DateTimeOffset instant, OfficeTimeZone from, OfficeTimeZone to)
    {
        var date = from.DateOf(instant);
        return to.StartOf(date) + (instant - from.StartOf(date));
    }

    // Every explanation ends "; ends yyyy-MM-dd 23:59 ZONE" (or ": ends …" for a date set in a decision).
    [GeneratedRegex(@"^(.*)[;:] ends \d{4}-\d{2}-\d{2} 23:59 [A-Z]{3,4}$")]
    private static partial Regex EndsIn();
}
