using System.Globalization;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>What became of one notification, as far as a clock started by its receipt needs to know.</summary>
internal enum NoticeOutcome
{
    /// <summary>The email service accepted it (or an earlier attempt under its key was accepted): received as of now.</summary>
    Accepted,

    /// <summary>Rejected or uncertain: listed on the case for staff to resend or confirm by other means.</summary>
    Listed,

    /// <summary>The send kept failing: not listed by the general path, the statutory clock must not depend on it.</summary>
    Failed,
}

/// <summary>
/// Deadlines the law counts from a party's receipt of a notice (P6: UU 25/2009 art. 45(2); O3: UU 37/2008 art. 25).
/// The clock starts when the notice is received: an email accepted by the email service counts as received on
/// acceptance (the system hears of no later bounce), a rejected, uncertain or failing email is not received, and the
/// clock then waits, with no timer running, until staff record receipt by other means (letter, phone, in person, with
/// the date) or a resend is accepted. A case is therefore never deemed withdrawn on a notice that did not arrive.
/// The stage holds the deadline's <see cref="CaseTimer"/> from the start; while the notice waits it is in no list.
/// </summary>
internal sealed partial class CaseWorkflowContext
{
    /// <summary>Clocks waiting for their notice's receipt, by the key of the notification staff must act on.</summary>
    private readonly Dictionary<string, ReceiptWait> _awaitingReceipt = new(StringComparer.Ordinal);

    private sealed record ReceiptWait(CaseTimer Timer, DeadlineRequest Request, CaseNotification Notice, DateTimeOffset SentAt, Action<CaseTimer>? OnStarted);

    /// <summary>
    /// Sends the notice that starts <paramref name="ruleId"/>'s deadline and starts the clock on its receipt. The notice
    /// states the last day as counted from now (what it is when the email is accepted now). The returned timer is the
    /// deadline's: it expires only after the clock started; <paramref name="onStarted"/> runs when it starts (reminders).
    /// </summary>
    /// <remarks>
    /// The timer is set before the notice is sent and cancelled if the notice is not received, so a case whose notice
    /// was accepted schedules exactly what it did when the window ran from the sending: a case that started on the
    /// earlier code replays its history unchanged.
    /// </remarks>
    public async Task<CaseTimer> StartOnReceiptAsync(
        string ruleId, string kind, string templateId, NotificationRecipient recipient, IReadOnlyDictionary<string, string> data, Action<CaseTimer>? onStarted = null)
    {
        var request = new DeadlineRequest
        {
            RuleSetVersion = Status.RuleSetVersion!,
            RuleId = ruleId,
            Kind = kind,
            OfficeTimeZone = Complaint.Office.TimeZoneCode,
            TriggerAt = Now,
        };
        var asOfNow = await ComputeDeadlineAsync(request);
        var timer = StartTimer(kind, asOfNow.DueAt, asOfNow);
        timer.Request = request;
        Status.OpenDeadlines.Add(OpenDeadlineOf(asOfNow));
        Status.Deadlines.Add(new DeadlineRecord { Key = timer.Key, RuleId = asOfNow.RuleId, DueAt = asOfNow.DueAt });
        var sent = await SendNoticeAsync(templateId, recipient, timer.Key, data, asOfNow);
        if (sent is not { } notice)
        {
            return timer;
        }

        var wait = new ReceiptWait(timer, request, notice.Notification, Now, onStarted);
        if (notice.Outcome == NoticeOutcome.Accepted)
        {
            Received(wait, new NoticeReceipt { On = Complaint.Office.TimeZone.DateOf(Now), Means = NoticeReceipt.Email }, asOfNow);
            return timer;
        }

        // Not received: the clock must not run. The stage keeps holding the timer, which is in no list until receipt.
        timer.Cancellation.Cancel();
        _timers.Remove(timer);
        RemoveOpenDeadline(asOfNow);
        Status.Deadlines.RemoveAll(d => d.Key == timer.Key);
        timer.Deadline = null;
        if (notice.Outcome == NoticeOutcome.Failed)
        {
            // Listed like a rejected email, so staff can resend it or confirm receipt: otherwise the clock could wait unseen.
            Status.EmailNotDelivered = true;
            Status.NotDeliveredNotifications.Add(notice.Notification.IdempotencyKey);
            _undelivered[notice.Notification.IdempotencyKey] = notice.Notification;
        }

        Await(notice.Notification.IdempotencyKey, wait, asOfNow.Citation);
        return timer;
    }

    private void Await(string notificationKey, ReceiptWait wait, string citation)
    {
        _awaitingReceipt[notificationKey] = wait;
        Status.AwaitingReceipt.Add(new NoticeAwaitingReceipt
        {
            RuleId = wait.Request.RuleId,
            Kind = wait.Request.Kind,
            Citation = citation,
            NotificationKey = notificationKey,
            SentAt = wait.SentAt,
        });
        RecordStep(
            TimelineSteps.AwaitingReceipt,
            CaseActor.System,
            $"Waiting for confirmation that the {wait.Notice.TemplateId} notice was received: deadline {wait.Request.RuleId} ({wait.Request.Kind}, {citation}) starts on receipt.");
    }

    /// <summary>Staff recorded how the party got the notice: a clock waiting for it counts from the date given.</summary>
    private async Task ReceivedOtherwiseAsync(string notificationKey, CaseAction action)
    {
        if (!_awaitingReceipt.Remove(notificationKey, out var wait))
        {
            return;
        }

        var zone = Complaint.Office.TimeZone;
        var receipt = new NoticeReceipt { On = action.DeliveredOn ?? zone.DateOf(Now), Means = action.DeliveredBy! };
        var request = wait.Request with { TriggerAt = zone.StartOf(receipt.On), Receipt = receipt };
        Received(wait, receipt, await ComputeDeadlineAsync(request));
    }

    /// <summary>
    /// A resend of a notice a clock waits for: it states the last day as counted from now, and starts the clock if it
    /// is accepted; if not, the resend is what staff act on next.
    /// </summary>
    private async Task ResendAwaitedAsync(string notificationKey, CaseNotification original)
    {
        _awaitingReceipt.Remove(notificationKey, out var wait);
        Status.AwaitingReceipt.RemoveAll(a => a.NotificationKey == notificationKey);
        var asOfNow = await ComputeDeadlineAsync(wait!.Request with { TriggerAt = Now });
        var data = new Dictionary<string, string>(original.Data, StringComparer.Ordinal)
        {
            ["deadline"] = Iso(asOfNow.DueDate),
            ["dueAt"] = asOfNow.DueAt.ToString("O", CultureInfo.InvariantCulture),
        };
        var resend = original with { IdempotencyKey = $"{notificationKey}:resend-{++_resends}", Data = data };
        var outcome = await SendAsync(resend);
        if (outcome == NoticeOutcome.Accepted)
        {
            Received(wait, new NoticeReceipt { On = Complaint.Office.TimeZone.DateOf(Now), Means = NoticeReceipt.Email }, asOfNow);
            return;
        }

        if (outcome == NoticeOutcome.Failed)
        {
            Status.NotDeliveredNotifications.Add(resend.IdempotencyKey);
            _undelivered[resend.IdempotencyKey] = resend;
        }

        Await(resend.IdempotencyKey, wait, asOfNow.Citation);
    }

    /// <summary>
    /// The notice was received: the deadline counted from <paramref name="receipt"/> runs. Its timer, set when the
    /// notice was sent, keeps running when the email was accepted then; otherwise it is set now, under its key.
    /// </summary>
    private void Received(ReceiptWait wait, NoticeReceipt receipt, CaseDeadline counted)
    {
        var deadline = counted.CountedFromReceipt is null ? receipt.Applied(counted) : counted;
        var timer = wait.Timer;
        Status.AwaitingReceipt.RemoveAll(a => a.Kind == timer.Kind && a.RuleId == deadline.RuleId);
        timer.Request = wait.Request with { TriggerAt = Complaint.Office.TimeZone.StartOf(receipt.On), Receipt = receipt };
        if (_timers.Contains(timer))
        {
            RemoveOpenDeadline(timer.Deadline!);
        }
        else
        {
            var distance = deadline.DueAt - Now;
            timer.Cancellation = new CancellationTokenSource();
            timer.DueAt = deadline.DueAt;
            timer.Fired = Orchestration.CreateTimer(
                distance > TimeSpan.Zero ? Orchestration.CurrentUtcDateTime + distance : Orchestration.CurrentUtcDateTime, timer.Cancellation.Token);
            _timers.Add(timer);
            Status.Deadlines.Add(new DeadlineRecord { Key = timer.Key, RuleId = deadline.RuleId, DueAt = deadline.DueAt });
        }

        timer.Deadline = deadline;
        Status.OpenDeadlines.Add(OpenDeadlineOf(deadline));
        var how = receipt.Means == NoticeReceipt.Email ? "email accepted for delivery" : $"delivered by {receipt.Means}, confirmed by staff";
        RecordStep(
            TimelineSteps.NoticeReceived,
            CaseActor.System,
            $"The {wait.Notice.TemplateId} notice was received on {Iso(receipt.On)} ({how}): deadline {deadline.RuleId} counts from its receipt.");
        Record(CaseActor.System, $"Deadline {deadline.RuleId} ({timer.Kind}) runs to {Iso(deadline.DueDate)} ({deadline.Citation}): {deadline.Explanation}.", TimelineKind.Deadline);
        wait.OnStarted?.Invoke(timer);
        Publish();
    }

    /// <summary>Why staff's date of receipt cannot be taken: before the notice was sent, or after today.</summary>
    private string? ReceiptDateRefusal(string notificationKey, CaseAction action)
    {
        if (action.DeliveredOn is not { } on || !_awaitingReceipt.TryGetValue(notificationKey, out var wait))
        {
            return null;
        }

        var zone = Complaint.Office.TimeZone;
        var sent = zone.DateOf(wait.SentAt);
        var today = zone.DateOf(Now);
        return on < sent ? $"the notice was received on {Iso(on)}, before it was sent on {Iso(sent)}"
            : on > today ? $"the notice was received on {Iso(on)}, a day still to come (today is {Iso(today)})"
            : null;
    }

    /// <summary>The step a waiting clock guarded was done (or is no longer needed): it will not start.</summary>
    private void ForgetReceiptWait(CaseTimer timer)
    {
        foreach (var key in _awaitingReceipt.Where(w => w.Value.Timer == timer).Select(w => w.Key).ToList())
        {
            _awaitingReceipt.Remove(key);
            Status.AwaitingReceipt.RemoveAll(a => a.NotificationKey == key);
        }
    }

    private void ForgetReceiptWaits()
    {
        _awaitingReceipt.Clear();
        Status.AwaitingReceipt.Clear();
    }
}
