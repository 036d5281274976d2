using System.Globalization;
using System.Text.Json;
using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// One case's state inside its orchestration, shared by the stage classes: the status, the running timers, the
/// notifications already sent. Every stage runs on the same <see cref="OrchestrationContext"/> (one instance per
/// case), so staff and party events always go to the case id, whichever stage is current.
/// </summary>
internal sealed class CaseWorkflowContext
{
    private const int DeadlineComputeDays = 30;
    private static readonly RetryPolicy ActivityRetry = new() { MaxAttempts = 5, FirstDelay = TimeSpan.FromMinutes(1) };
    private readonly List<CaseTimer> _timers = [];
    private readonly HashSet<string> _sentKeys = new(StringComparer.Ordinal);
    private int _timerSequence;

    public CaseWorkflowContext(OrchestrationContext orchestration, Complaint complaint)
    {
        Orchestration = orchestration;
        Complaint = complaint;
        Status = new CaseStatus
        {
            CaseId = orchestration.InstanceId,
            Stage = CaseStage.Received,
            Path = complaint.Path,
            Office = complaint.Office.Code,
            OfficeTimeZone = complaint.Office.TimeZoneCode,
        };
    }

    public OrchestrationContext Orchestration { get; }

    public Complaint Complaint { get; }

    public CaseStatus Status { get; }

    public string CaseId => Orchestration.InstanceId;

    public DateTimeOffset Now => Orchestration.CurrentUtcDateTime;

    public bool IsProviderPath => Complaint.Path == ComplaintPath.Provider;

    public void Enter(CaseStage stage)
    {
        Status.Stage = stage;
        Record(CaseActor.System, $"Stage: {stage}.");
    }

    public void Record(CaseActor actor, string what)
    {
        Status.Timeline.Add(new TimelineEntry { At = Now, Actor = actor, What = what });
        Publish();
    }

    public void Publish() => Orchestration.SetCustomStatus(Status);

    /// <summary>Starts the deadline of <paramref name="ruleId"/> in the pinned rule set, counted from now (or fixed by a decision).</summary>
    public async Task<CaseTimer> StartDeadlineAsync(
        string ruleId, string kind, Func<CaseTimer, Task>? onExpired = null, DateOnly? fixedDueDate = null, DateTimeOffset? from = null)
    {
        var request = new DeadlineRequest
        {
            RuleSetVersion = Status.RuleSetVersion!,
            RuleId = ruleId,
            Kind = kind,
            OfficeTimeZone = Complaint.Office.TimeZoneCode,
            TriggerAt = from ?? Now,
            FixedDueDate = fixedDueDate,
        };
        var deadline = await ComputeDeadlineAsync(request);
        var timer = new CaseTimer
        {
            Timer = Orchestration.CreateTimer(
                deadline!.DueAt,
                new DeadlineInfo { Kind = kind, Citation = deadline.Citation, RuleId = deadline.RuleId, Description = deadline.Explanation }),
            Deadline = deadline,
            Key = $"{kind}-{++_timerSequence}",
            OnExpired = onExpired,
        };
        _timers.Add(timer);
        Status.OpenDeadlines.Add(new OpenDeadline
        {
            RuleId = deadline.RuleId,
            Kind = kind,
            DueAt = deadline.DueAt,
            DueDate = deadline.DueDate,
            Citation = deadline.Citation,
            Explanation = deadline.Explanation,
        });
        Record(CaseActor.System, $"Deadline {deadline.RuleId} ({kind}) runs to {Iso(deadline.DueDate)} ({deadline.Citation}): {deadline.Explanation}.");
        return timer;
    }

    /// <summary>
    /// Computes a deadline, retrying daily while it cannot be computed (typically a working-day count reaching a
    /// year whose holiday calendar is not loaded yet): staff are told each day, the case waits rather than fails,
    /// and events that arrive meanwhile are kept for the stage. After a month the failure fails the instance.
    /// </summary>
    private async Task<CaseDeadline> ComputeDeadlineAsync(DeadlineRequest request)
    {
        for (var day = 1; ; day++)
        {
            try
            {
                return (await Orchestration.CallActivityAsync<CaseDeadline>(CaseActivityNames.ComputeDeadline, request))!;
            }
            catch (TaskFailedException e) when (day < DeadlineComputeDays)
            {
                Record(CaseActor.System, $"Deadline {request.RuleId} ({request.Kind}) could not be computed; retrying tomorrow: {e.Failure.Message}");
                await NotifyAsync(
                    NotificationTemplates.StaffEscalation,
                    NotificationRecipient.Staff,
                    $"deadline-unavailable-{request.Kind}-{_timerSequence}-{day}",
                    new Dictionary<string, string>
                    {
                        ["ruleId"] = request.RuleId,
                        ["consequence"] = "the deadline could not be computed: " + e.Failure.Message,
                    });
                await Orchestration.CreateTimer(Now.AddDays(1)).Task;
            }
        }
    }

    /// <summary>Reminders go out at this office-local time of day.</summary>
    private static readonly TimeSpan ReminderTimeOfDay = TimeSpan.FromHours(9);

    /// <summary>
    /// A reminder timer at 09:00 office time, <paramref name="daysBefore"/> days before the deadline's last day
    /// (7 days before a cure window ending 1 April is 25 March). Not a deadline: neither listed on the case nor for staff.
    /// </summary>
    public void StartReminder(CaseTimer deadline, int daysBefore, string key, Func<CaseTimer, Task> send)
    {
        var at = Complaint.Office.TimeZone.StartOf(deadline.Deadline!.DueDate.AddDays(-daysBefore)) + ReminderTimeOfDay;
        if (at <= Now)
        {
            return;
        }

        _timers.Add(new CaseTimer { Timer = Orchestration.CreateTimer(at), Key = $"{key}-{++_timerSequence}", OnExpired = send, Parent = deadline });
    }

    /// <summary>The step the timer guarded is done: cancel it (and its reminders) and drop it from the case. No effect once it fired.</summary>
    public void Complete(CaseTimer? timer)
    {
        if (timer is null)
        {
            return;
        }

        Stop(timer);
        foreach (var reminder in _timers.Where(t => t.Parent == timer).ToList())
        {
            Stop(reminder);
        }

        Publish();
    }

    /// <summary>Cancels every running timer: the case is closing, nothing of it may fire later.</summary>
    public void CancelAllTimers()
    {
        foreach (var timer in _timers.ToList())
        {
            Stop(timer);
        }

        Publish();
    }

    /// <summary>
    /// Waits for the next event this stage accepts, or a deadline without a background consequence. Events not
    /// valid in the stage are refused in the timeline and change nothing; withdrawal and staff closure end the case.
    /// </summary>
    public async Task<CaseSignal> WaitAsync()
    {
        while (true)
        {
            var next = await Orchestration.WaitForAnyEventOrTimerAsync(CaseEvents.All, _timers.Select(t => t.Timer).ToList());
            if (next.Timer is { } fired)
            {
                var timer = _timers.Single(t => t.Timer == fired);
                _timers.Remove(timer);
                if (timer.Deadline is { } deadline)
                {
                    RemoveOpenDeadline(deadline);
                    Record(CaseActor.System, $"Deadline {deadline.RuleId} ({deadline.Kind}, {deadline.Citation}) passed.");
                }

                if (timer.OnExpired is { } consequence)
                {
                    await consequence(timer);
                    continue;
                }

                return new CaseSignal { Expired = timer };
            }

            var signal = Accept(next.Event!);
            if (signal is not null)
            {
                return signal;
            }
        }
    }

    /// <summary>Sends a notification once per step: the key is built from the case, the step, the template and the recipient.</summary>
    public async Task NotifyAsync(string templateId, NotificationRecipient recipient, string step, IReadOnlyDictionary<string, string>? data = null, CaseDeadline? deadline = null)
    {
        var key = $"{CaseId}:{step}:{templateId}:{recipient}";
        if (!_sentKeys.Add(key))
        {
            return;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caseId"] = CaseId,
            ["office"] = Complaint.Office.Name,
            ["stage"] = Status.Stage.ToString(),
        };
        if (recipient != NotificationRecipient.Provider || !Complaint.Complainant.Confidential)
        {
            values["complainant"] = Complaint.Complainant.Name;
        }

        if (deadline is not null)
        {
            values["ruleId"] = deadline.RuleId;
            values["deadline"] = Iso(deadline.DueDate);
            values["dueAt"] = deadline.DueAt.ToString("O", CultureInfo.InvariantCulture);
            values["citation"] = deadline.Citation;
        }

        foreach (var (name, value) in data ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        var notification = new CaseNotification
        {
            TemplateId = templateId,
            Recipient = recipient,
            CaseId = CaseId,
            Office = Complaint.Office.Code,
            Language = Complaint.Complainant.Language,
            IdempotencyKey = key,
            Data = values,
        };
        try
        {
            var result = Read(await Orchestration.CallActivityAsync<JsonElement>(CaseActivityNames.SendNotification, notification, ActivityRetry));
            if (result.NeedsStaff)
            {
                Status.EmailNotDelivered = true;
                Status.NotDeliveredNotifications.Add(key);
                var what = result.Delivery == CaseNotificationDelivery.Uncertain ? "delivery uncertain" : "email not delivered";
                Record(CaseActor.System, $"Notification {templateId} to {recipient}: {what}: {result.Reason}");
            }
        }
        catch (TaskFailedException e)
        {
            // A notification that keeps failing must not stop the statutory clock; staff see it in the timeline.
            Record(CaseActor.System, $"Notification {templateId} to {recipient} failed after retries: {e.Failure.Message}");
        }
    }

    /// <summary>A deadline passed: overdue flag, and with <paramref name="escalate"/> escalation to the head of unit; staff are told.</summary>
    public async Task OverdueAsync(CaseTimer timer, string consequence, bool escalate)
    {
        var deadline = timer.Deadline!;
        Status.Overdue = true;
        Status.OverdueRules.Add(deadline.RuleId);
        Status.Escalated |= escalate;
        Record(CaseActor.System, $"{deadline.RuleId} overdue ({deadline.Citation}): {consequence}");
        await NotifyAsync(
            NotificationTemplates.StaffEscalation,
            NotificationRecipient.Staff,
            timer.Key,
            new Dictionary<string, string> { ["consequence"] = consequence, ["escalated"] = escalate ? "true" : "false" },
            deadline);
    }

    /// <summary>
    /// The activity's result. Histories written before results existed hold a bare true/false (delivered now /
    /// before), so replay reads those (and an empty result) as delivered instead of failing the case.
    /// </summary>
    private static CaseNotificationResult Read(JsonElement result) => result.ValueKind switch
    {
        JsonValueKind.True => CaseNotificationResult.Delivered,
        JsonValueKind.False => CaseNotificationResult.AlreadyDelivered,
        JsonValueKind.Undefined or JsonValueKind.Null => CaseNotificationResult.Delivered,
        _ => result.Deserialize<CaseNotificationResult>(DurableJson.Options) ?? CaseNotificationResult.Delivered,
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    private CaseSignal? Accept(ExternalEvent received)
    {
        CaseAction? action;
        try
        {
            action = received.Read<CaseAction>();
        }
        catch (JsonException e)
        {
            Record(CaseActor.System, $"Refused '{received.Name}': unreadable payload ({e.Message}).");
            return null;
        }

        var actor = action?.Actor ?? CaseActor.System;
        if (CaseStageRules.Check(Status.Stage, Status.Path, received.Name, action) is { } refusal)
        {
            Record(actor, $"Refused '{received.Name}' ({refusal.Code}): {refusal.Reason}");
            return null;
        }

        Record(actor, action!.Note is { Length: > 0 } note ? $"{received.Name}: {note}" : received.Name);
        if (received.Name == CaseEvents.Withdraw)
        {
            throw new CaseEndedException(CaseClosedReason.Withdrawn, $"Withdrawn by the complainant: {action.Note}", actor);
        }

        if (received.Name == CaseEvents.CloseCase)
        {
            throw new CaseEndedException(action.ClosedReason!.Value, action.Note!, actor);
        }

        return new CaseSignal { EventName = received.Name, Action = action };
    }

    private void Stop(CaseTimer timer)
    {
        timer.Timer.Cancel();
        _timers.Remove(timer);
        if (timer.Deadline is { } deadline)
        {
            RemoveOpenDeadline(deadline);
        }
    }

    private void RemoveOpenDeadline(CaseDeadline deadline) =>
        Status.OpenDeadlines.RemoveAll(d => d.RuleId == deadline.RuleId && d.Kind == deadline.Kind && d.DueAt == deadline.DueAt);
}
