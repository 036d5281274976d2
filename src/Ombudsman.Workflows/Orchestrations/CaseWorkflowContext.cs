using System.Globalization;
using Microsoft.DurableTask;
using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// One case's state inside its orchestration, shared by the stage classes: the status, the running timers, the
/// notifications already sent, and what the read model has not been told yet. Every stage runs on the same
/// orchestration (one instance per case), so staff and party events always go to the case id, whichever stage is
/// current. Statutory time is the case's own clock (<see cref="Now"/>): the app's time stamped on the filing and on
/// every input, never the engine's clock, so a case reckons the same way whether a deadline arrived by its durable
/// timer or by the sweeper under a manual clock.
/// </summary>
internal sealed partial class CaseWorkflowContext
{
    private const int DeadlineComputeDays = 30;
    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromMinutes(1), backoffCoefficient: 2));
    private readonly List<CaseTimer> _timers = [];
    private readonly HashSet<string> _sentKeys = new(StringComparer.Ordinal);
    private readonly List<TimelineEntry> _unrecorded = [];
    private readonly List<DeadlineDue> _dueLater = [];
    private readonly List<CaseInput> _inputsLater = [];

    /// <summary>The notifications that did not arrive (or may not have), by key, as sent: a resend sends the same again.</summary>
    private readonly Dictionary<string, CaseNotification> _undelivered = new(StringComparer.Ordinal);
    private int _resends;
    private int _timerSequence;
    private int _recordedEntries;
    private int _recordVersion;
    private int _inputsHandled;
    private bool _dirty = true;
    private bool _filingRecorded;
    private bool _recordedWaiting;
    private Task<CaseInput>? _nextInput;
    private Task<DeadlineDue>? _nextDue;
    private CaseTimer? _responseDigest;

    /// <summary>When each provider response the complainant has not been told of yet arrived, in the case's time.</summary>
    private readonly List<DateTimeOffset> _responsesNotYetTold = [];

    public CaseWorkflowContext(TaskOrchestrationContext orchestration, CaseFiling filing)
    {
        Orchestration = orchestration;
        Filing = filing;
        Complaint = filing.Complaint;
        Now = filing.ReceivedAt;
        Status = new CaseStatus
        {
            CaseId = orchestration.InstanceId,
            Stage = CaseStage.Received,
            Path = Complaint.Path,
            Channel = Complaint.Channel,
            ProviderName = Complaint.Provider.Name,
            ProviderKind = Complaint.Provider.Kind,
            Office = Complaint.Office.Code,
            OfficeTimeZone = Complaint.Office.TimeZoneCode,
        };
    }

    public TaskOrchestrationContext Orchestration { get; }

    public CaseFiling Filing { get; }

    /// <summary>The complaint as filed, with the office that handles it now (a transfer replaces it).</summary>
    public Complaint Complaint { get; private set; }

    public CaseStatus Status { get; }

    /// <summary>The pinned rule set's citations by rule id and provision name (<see cref="IntakeAssessment.Citations"/>), known from intake on.</summary>
    internal IReadOnlyDictionary<string, string> Citations { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The citation of a rule (or provision) of the pinned rule set, for the workflow's own records; a case whose intake
    /// predates citations in the assessment names the rule instead.
    /// </summary>
    internal string Cite(string ruleOrProvision) =>
        Citations.TryGetValue(ruleOrProvision, out var citation) ? citation : $"rule {ruleOrProvision} of rule set {Status.RuleSetVersion}";

    /// <summary>The pinned rule set's rule for each step of the case's path (<see cref="IntakeAssessment.StepRules"/>), known from intake on.</summary>
    internal IReadOnlyDictionary<string, string> StepRules { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>What the pinned rule set's counting rules count to, by rule id (<see cref="IntakeAssessment.Counts"/>), known from intake on.</summary>
    internal IReadOnlyDictionary<string, int> Counts { get; set; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// The rule of the pinned rule set that governs a step of this case's path (one of <see cref="RuleSteps"/>). A case
    /// whose intake predates the assessment naming them replays with the rules the workflow named itself then, so its
    /// history is read as it was written.
    /// </summary>
    internal string RuleFor(string step) =>
        StepRules.TryGetValue(step, out var ruleId) ? ruleId : RecordedBeforeStepRules.RuleFor(Complaint.Path, step);

    /// <summary>What a counting rule of the pinned rule set counts to; a case whose intake predates the counts replays with the count then in code.</summary>
    internal int CountOf(string ruleId) =>
        Counts.TryGetValue(ruleId, out var count) ? count : RecordedBeforeStepRules.CountOf(ruleId);

    public string CaseId => Orchestration.InstanceId;

    /// <summary>The case's statutory time: the latest stamp of the filing or of an input the case took.</summary>
    public DateTimeOffset Now { get; private set; }

    public bool IsProviderPath => Complaint.Path == ComplaintPath.Provider;

    /// <summary>
    /// Whether the complainant hears of provider responses in one digest a day (<see cref="Case2Orchestration"/>)
    /// rather than one email per response (<see cref="CaseOrchestration"/>, kept for the cases that started on it).
    /// </summary>
    public bool DailyProviderResponseDigest { get; init; }

    public void Enter(CaseStage stage)
    {
        Status.Stage = stage;
        Status.OverdueDeadlines.Clear();
        Record(CaseActor.System, $"Stage: {stage}.", TimelineKind.Stage);
    }

    public void Record(CaseActor actor, string what, TimelineKind kind = TimelineKind.Progress, TimelineVisibility visibility = TimelineVisibility.Public, string? eventName = null)
    {
        _unrecorded.Add(new TimelineEntry { At = Now, Actor = actor, What = what, Kind = kind, Visibility = visibility, Event = eventName });
        Publish();
    }

    /// <summary>Records a step of the workflow (<see cref="TimelineKind.Progress"/>) under its code (one of <see cref="TimelineSteps"/>).</summary>
    public void RecordStep(string step, CaseActor actor, string what, TimelineVisibility visibility = TimelineVisibility.Public)
    {
        _unrecorded.Add(new TimelineEntry { At = Now, Actor = actor, What = what, Visibility = visibility, Step = step });
        Publish();
    }

    /// <summary>The status changed: the read model is told at the next wait (or at <see cref="RecordAsync"/>).</summary>
    public void Publish() => _dirty = true;

    /// <summary>
    /// Writes what changed since the last write to the read model (one idempotent activity), and the small custom
    /// status. Called where the case waits and when it ends, so a step's changes cost one write, not one per entry.
    /// </summary>
    public async Task RecordAsync(bool waiting = false)
    {
        if (!_dirty && waiting == _recordedWaiting)
        {
            return;
        }

        var update = new CaseRecordUpdate
        {
            CaseId = CaseId,
            Office = Complaint.Office.Code,
            Version = ++_recordVersion,
            InputsHandled = _inputsHandled,
            Waiting = waiting,
            Status = Status,
            FirstSequence = _recordedEntries + 1,
            NewEntries = [.. _unrecorded],
            Timers = [.. _timers.Select(t => new CaseTimerRow { Key = t.Key, DueAt = t.DueAt, Deadline = t.Deadline is { } d ? OpenDeadlineOf(d) : null })],
            Filing = _filingRecorded ? null : Filing,
        };
        await Orchestration.CallActivityAsync(CaseActivityNames.RecordCase, update, ActivityRetry);
        _filingRecorded = true;
        _recordedEntries += _unrecorded.Count;
        _unrecorded.Clear();
        _dirty = false;
        _recordedWaiting = waiting;
        Orchestration.SetCustomStatus(new CaseRuntimeStatus(Status.Stage, Status.RuleSetVersion, _inputsHandled));
    }

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
        var timer = StartTimer(kind, deadline.DueAt, deadline, onExpired);
        timer.Request = request;
        Status.OpenDeadlines.Add(OpenDeadlineOf(deadline));
        Status.Deadlines.Add(new DeadlineRecord { Key = timer.Key, RuleId = deadline.RuleId, DueAt = deadline.DueAt });
        Record(CaseActor.System, $"Deadline {deadline.RuleId} ({kind}) runs to {Iso(deadline.DueDate)} ({deadline.Citation}): {deadline.Explanation}.", TimelineKind.Deadline);
        return timer;
    }

    /// <summary>The citation of <paramref name="ruleId"/> in the case's pinned rule set, for a step without a deadline.</summary>
    public Task<string> CitationAsync(string ruleId) =>
        Orchestration.CallActivityAsync<string>(CaseActivityNames.RuleCitation, new RuleCitationRequest(Status.RuleSetVersion!, ruleId), ActivityRetry);

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
                return await Orchestration.CallActivityAsync<CaseDeadline>(CaseActivityNames.ComputeDeadline, request);
            }
            catch (TaskFailedException e) when (day < DeadlineComputeDays)
            {
                RecordStep(
                    TimelineSteps.DeadlineUncomputed,
                    CaseActor.System,
                    $"Deadline {request.RuleId} ({request.Kind}) could not be computed; retrying tomorrow: {e.FailureDetails.ErrorMessage}",
                    visibility: TimelineVisibility.Staff);
                await NotifyAsync(
                    NotificationTemplates.StaffEscalation,
                    NotificationRecipient.Staff,
                    $"deadline-unavailable-{request.Kind}-{_timerSequence}-{day}",
                    new Dictionary<string, string>
                    {
                        ["ruleId"] = request.RuleId,
                        ["consequence"] = "the deadline could not be computed: " + e.FailureDetails.ErrorMessage,
                    });
                await WaitForAsync(StartTimer("deadline-retry", Now.AddDays(1)));
            }
        }
    }

    /// <summary>Reminders go out at this office-local time of day.</summary>
    internal static readonly TimeSpan ReminderTimeOfDay = TimeSpan.FromHours(9);

    /// <summary>The timers running now (deadlines, reminders, retries).</summary>
    internal IReadOnlyList<CaseTimer> RunningTimers => _timers;

    /// <summary>The deadlines that passed on this case, with what they were counted from; their consequences have run.</summary>
    internal List<CaseTimer> PassedDeadlines { get; } = [];

    /// <summary>The calendar publications the case has recounted its deadlines with (their labels).</summary>
    internal HashSet<string> CalendarsApplied { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Moves a running timer to <paramref name="dueAt"/> (or keeps its instant with a deadline counted anew): its durable
    /// timer is cancelled and set again under a new key, so a sweeper's event for the old row finds nothing and the
    /// read model writes the new row (rows are written once per key). The stage keeps holding the same <see cref="CaseTimer"/>.
    /// </summary>
    internal void Reschedule(CaseTimer timer, DateTimeOffset dueAt, CaseDeadline? deadline = null)
    {
        timer.Cancellation.Cancel();
        if (timer.Deadline is { } old)
        {
            RemoveOpenDeadline(old);
        }

        var distance = dueAt - Now;
        var fireAt = distance > TimeSpan.Zero ? Orchestration.CurrentUtcDateTime + distance : Orchestration.CurrentUtcDateTime;
        var cancellation = new CancellationTokenSource();
        var key = $"{timer.Key[..timer.Key.LastIndexOf('-')]}-{++_timerSequence}";
        MoveDeadlineRecord(timer, key, dueAt);
        timer.Key = key;
        timer.DueAt = dueAt;
        timer.Cancellation = cancellation;
        timer.Fired = Orchestration.CreateTimer(fireAt, cancellation.Token);
        if (deadline is not null)
        {
            timer.Deadline = deadline;
            Status.OpenDeadlines.Add(OpenDeadlineOf(deadline));
        }

        Publish();
    }

    /// <summary>Stops a reminder whose moment passed when its deadline moved earlier.</summary>
    internal void StopTimer(CaseTimer timer)
    {
        Stop(timer);
        Publish();
    }

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

        StartTimer(key, at, onExpired: send, parent: deadline);
    }

    /// <summary>The step the timer guarded is done: cancel it (and its reminders) and drop it from the case. No effect once it fired.</summary>
    public void Complete(CaseTimer? timer)
    {
        if (timer is null)
        {
            return;
        }

        Stop(timer);
        ForgetSuspension(timer);
        ForgetReceiptWait(timer);
        foreach (var reminder in _timers.Where(t => t.Parent == timer).ToList())
        {
            Stop(reminder);
        }

        Publish();
    }

    /// <summary>Cancels every running timer: the case is closing, nothing of it may fire later.</summary>
    public void CancelAllTimers()
    {
        ForgetSuspensions();
        ForgetReceiptWaits();
        foreach (var timer in _timers.ToList())
        {
            if (timer.Deadline is not null && DeadlineRecordOf(timer) is { DoneAt: null, PassedAt: null } record)
            {
                record.EndedWithCase = true;
            }

            Stop(timer);
        }

        Publish();
    }

    /// <summary>
    /// Waits for the next event this stage accepts, or a deadline without a background consequence. Events not
    /// valid in the stage are refused in the timeline and change nothing; withdrawal and staff closure end the case.
    /// Inputs that are ready together are taken in the order of their stamps, a deadline before an action stamped at
    /// its very instant (the deadline's instant is already too late).
    /// </summary>
    public async Task<CaseSignal> WaitAsync()
    {
        while (true)
        {
            _nextInput ??= Orchestration.WaitForExternalEvent<CaseInput>(CaseInput.EventName);
            _nextDue ??= Orchestration.WaitForExternalEvent<DeadlineDue>(DeadlineDue.EventName);
            if (_dueLater.Count == 0 && _inputsLater.Count == 0 && !_nextInput.IsCompleted && !_nextDue.IsCompleted && !_timers.Any(t => t.Fired.IsCompleted))
            {
                await RecordAsync(waiting: true);
                await Task.WhenAny([_nextInput, _nextDue, .. _timers.Select(t => t.Fired)]);
            }

            var (timer, input) = NextReady();
            if (timer is not null)
            {
                if (await ExpireAsync(timer) is { } expired)
                {
                    return expired;
                }

                continue;
            }

            if (input is not null && Accept(input) is { } signal)
            {
                if (signal.Is(CaseEvents.CalendarAmended))
                {
                    // Absorbed here: no stage waits for it, and a stage must not mistake it for its own event.
                    await CalendarAmendment.ApplyAsync(this, signal.Action!.Calendar!);
                    continue;
                }

                if (await TakeSuspensionAsync(signal) || await TakeNotificationActionAsync(signal) || await TakeTransferAsync(signal))
                {
                    continue;
                }

                return signal;
            }
        }
    }

    /// <summary>
    /// Takes the earliest ready input: a fired timer, a <see cref="DeadlineDue"/> (its timer, or null when that
    /// timer already fired or was cancelled: the second arrival changes nothing), or an action. A deadline goes
    /// before an action stamped at its very instant: the deadline's instant is already too late.
    /// </summary>
    private (CaseTimer? Timer, CaseInput? Input) NextReady()
    {
        var fired = _timers.Where(t => t.Fired.IsCompletedSuccessfully).MinBy(t => t.DueAt);
        var due = _dueLater.Count > 0 ? _dueLater[0] : _nextDue is { IsCompleted: true } dueTask ? dueTask.Result : null;
        var input = _inputsLater.Count > 0 ? _inputsLater[0] : _nextInput is { IsCompleted: true } inputTask ? inputTask.Result : null;
        var deadlineAt = (fired?.DueAt, due?.DueAt) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, var b) => b,
        };

        if (input is not null && (deadlineAt is null || input.ReceivedAt < deadlineAt))
        {
            TakeInput();
            return (null, input);
        }

        if (fired is not null && (due is null || fired.DueAt <= due.DueAt))
        {
            Took();
            return (fired, null);
        }

        TakeDue();
        return (_timers.Find(t => t.Key == due!.Key), null);
    }

    /// <summary>Takes the action at the head of the queue: one kept during a retry wait, else the engine's.</summary>
    private void TakeInput()
    {
        if (_inputsLater.Count > 0)
        {
            _inputsLater.RemoveAt(0);
            return;
        }

        _nextInput = null;
        Took();
    }

    /// <summary>Takes the deadline event at the head of the queue: one kept during a retry wait, else the engine's.</summary>
    private void TakeDue()
    {
        if (_dueLater.Count > 0)
        {
            _dueLater.RemoveAt(0);
            return;
        }

        _nextDue = null;
        Took();
    }

    /// <summary>Applies a timer that came due: the deadline passes in the case's time, its consequence runs.</summary>
    private async Task<CaseSignal?> ExpireAsync(CaseTimer timer)
    {
        _timers.Remove(timer);
        timer.Cancellation.Cancel();
        Now = Max(Now, timer.DueAt);
        if (timer.Deadline is { } deadline)
        {
            RemoveOpenDeadline(deadline);
            PassedDeadlines.Add(timer);
            if (DeadlineRecordOf(timer) is { } record)
            {
                record.PassedAt = Now;
            }

            Record(CaseActor.System, $"Deadline {deadline.RuleId} ({deadline.Kind}, {deadline.Citation}) passed.", TimelineKind.DeadlinePassed);
        }

        if (timer.OnExpired is { } consequence)
        {
            await consequence(timer);
            return null;
        }

        return new CaseSignal { Expired = timer };
    }

    /// <summary>
    /// Waits for one timer outside a stage's wait (a retry): its durable timer or its <see cref="DeadlineDue"/>.
    /// Actions and other deadline events arriving meanwhile are taken in and kept, in order, for the stage.
    /// </summary>
    private async Task WaitForAsync(CaseTimer timer)
    {
        while (true)
        {
            _nextInput ??= Orchestration.WaitForExternalEvent<CaseInput>(CaseInput.EventName);
            _nextDue ??= Orchestration.WaitForExternalEvent<DeadlineDue>(DeadlineDue.EventName);
            if (!timer.Fired.IsCompleted && !_nextDue.IsCompleted && !_nextInput.IsCompleted)
            {
                await RecordAsync(waiting: true);
                await Task.WhenAny(timer.Fired, _nextDue, _nextInput);
            }

            if (_nextInput.IsCompleted)
            {
                _inputsLater.Add(_nextInput.Result);
                _nextInput = null;
                Took();
                continue;
            }

            if (_nextDue.IsCompleted && (!timer.Fired.IsCompleted || _nextDue.Result.DueAt <= timer.DueAt))
            {
                var due = _nextDue.Result;
                _nextDue = null;
                Took();
                if (due.Key != timer.Key)
                {
                    _dueLater.Add(due);
                    continue;
                }
            }
            else
            {
                Took();
            }

            _timers.Remove(timer);
            timer.Cancellation.Cancel();
            Now = Max(Now, timer.DueAt);
            return;
        }
    }

    /// <summary>Counts an input taken from the engine; the read model shows the count, so callers can tell it was taken.</summary>
    private void Took()
    {
        _inputsHandled++;
        Publish();
    }

    /// <summary>
    /// Starts a durable timer for <paramref name="dueAt"/> in the case's time. The engine's timer is set the same
    /// distance ahead of the engine's clock, never at <paramref name="dueAt"/> itself: when the app's clock is behind
    /// the wall clock (a manual clock), an absolute instant would already have passed and fire the deadline early.
    /// </summary>
    internal CaseTimer StartTimer(string kind, DateTimeOffset dueAt, CaseDeadline? deadline = null, Func<CaseTimer, Task>? onExpired = null, CaseTimer? parent = null)
    {
        var engineNow = Orchestration.CurrentUtcDateTime;
        var distance = dueAt - Now;
        var fireAt = distance > TimeSpan.Zero ? engineNow + distance : engineNow;
        var cancellation = new CancellationTokenSource();
        var timer = new CaseTimer
        {
            Key = $"{kind}-{++_timerSequence}",
            Kind = kind,
            DueAt = dueAt,
            Fired = Orchestration.CreateTimer(fireAt, cancellation.Token),
            Cancellation = cancellation,
            Deadline = deadline,
            OnExpired = onExpired,
            Parent = parent,
        };
        _timers.Add(timer);
        Publish();
        return timer;
    }

    /// <summary>Sends a notification once per step: the key is built from the case, the step, the template and the recipient.</summary>
    /// <remarks><paramref name="office"/>: for staff, an office other than the case's own (the office a transfer leaves).</remarks>
    public Task NotifyAsync(
        string templateId, NotificationRecipient recipient, string step, IReadOnlyDictionary<string, string>? data = null, CaseDeadline? deadline = null, string? office = null) =>
        SendNoticeAsync(templateId, recipient, step, data, deadline, office);

    /// <summary><see cref="NotifyAsync"/>, telling what became of it (null when the step had sent it already).</summary>
    private async Task<(CaseNotification Notification, NoticeOutcome Outcome)?> SendNoticeAsync(
        string templateId, NotificationRecipient recipient, string step, IReadOnlyDictionary<string, string>? data, CaseDeadline? deadline, string? office = null)
    {
        var key = $"{CaseId}:{step}:{templateId}:{recipient}";
        if (!_sentKeys.Add(key))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caseId"] = CaseId,
            ["office"] = Complaint.Office.Name,
            ["stage"] = Status.Stage.ToString(),
        };
        if (Status.RuleSetVersion is { } ruleSetVersion)
        {
            values[CaseNotification.RuleSetVersionKey] = ruleSetVersion;
        }

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
            if (deadline.Provisional)
            {
                values["provisionalYears"] = string.Join(",", deadline.ProvisionalYears.Select(y => y.ToString(CultureInfo.InvariantCulture)));
            }
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
            Office = office ?? Complaint.Office.Code,
            Language = Complaint.Complainant.Language,
            IdempotencyKey = key,
            Data = values,
        };
        return (notification, await SendAsync(notification));
    }

    /// <summary>Sends one notification; one that did not arrive (or may not have) is listed on the case for staff.</summary>
    private async Task<NoticeOutcome> SendAsync(CaseNotification notification)
    {
        try
        {
            var result = await Orchestration.CallActivityAsync<CaseNotificationResult>(CaseActivityNames.SendNotification, notification, ActivityRetry);
            if (result.NeedsStaff)
            {
                Status.EmailNotDelivered = true;
                Status.NotDeliveredNotifications.Add(notification.IdempotencyKey);
                _undelivered[notification.IdempotencyKey] = notification;
                var what = result.Delivery == CaseNotificationDelivery.Uncertain ? "delivery uncertain" : "email not delivered";
                Record(CaseActor.System, $"Notification {notification.TemplateId} to {notification.Recipient}: {what}: {result.Reason}", TimelineKind.Notification, TimelineVisibility.Staff);
                return NoticeOutcome.Listed;
            }

            return NoticeOutcome.Accepted;
        }
        catch (TaskFailedException e)
        {
            // A notification that keeps failing must not stop the statutory clock; staff see it in the timeline.
            Record(CaseActor.System, $"Notification {notification.TemplateId} to {notification.Recipient} failed after retries: {e.FailureDetails.ErrorMessage}", TimelineKind.Notification, TimelineVisibility.Staff);
            return NoticeOutcome.Failed;
        }
    }

    /// <summary>
    /// Staff's answer to a notification that did not arrive, in whatever stage the case is: send it again or record
    /// how the party was told instead. Either takes the notification off the case's list first, so a second click (a
    /// second event for the same key) finds nothing to do and sends nothing. A resend goes under a key of its own
    /// (the original's key is spent: the send record would answer it with the same failure); if that fails too, the
    /// resend is listed in its place. Staff-only entries: a party's phone or address details may be in the note.
    /// </summary>
    private async Task<bool> TakeNotificationActionAsync(CaseSignal signal)
    {
        if (!signal.Is(CaseEvents.NotificationResend) && !signal.Is(CaseEvents.NotificationDeliveredOtherwise))
        {
            return false;
        }

        var action = signal.Action!;
        var key = action.NotificationKey!;
        if (signal.Is(CaseEvents.NotificationDeliveredOtherwise) && Status.NotDeliveredNotifications.Contains(key) && ReceiptDateRefusal(key, action) is { } refusal)
        {
            Record(action.Actor, $"Refused '{signal.EventName}': {refusal}", TimelineKind.Refused, TimelineVisibility.Staff, signal.EventName);
            return true;
        }

        if (!Status.NotDeliveredNotifications.Contains(key) || !_undelivered.Remove(key, out var original))
        {
            Record(action.Actor, $"{signal.EventName}: notification {key} is not awaiting delivery; nothing done.", TimelineKind.Notification, TimelineVisibility.Staff, signal.EventName);
            return true;
        }

        Status.NotDeliveredNotifications.Remove(key);

        // The flag says mail needs attention now; a failed resend below lists itself and raises it again.
        Status.EmailNotDelivered = Status.NotDeliveredNotifications.Count > 0;
        if (signal.Is(CaseEvents.NotificationDeliveredOtherwise))
        {
            var note = action.Note is { Length: > 0 } n ? $": {n}" : "";
            Record(action.Actor, $"Notification {original.TemplateId} to {original.Recipient} delivered by {action.DeliveredBy}{note}", TimelineKind.Notification, TimelineVisibility.Staff, signal.EventName);
            await ReceivedOtherwiseAsync(key, action);
            return true;
        }

        Record(action.Actor, $"Notification {original.TemplateId} to {original.Recipient} sent again.", TimelineKind.Notification, TimelineVisibility.Staff, signal.EventName);
        if (_awaitingReceipt.ContainsKey(key))
        {
            await ResendAwaitedAsync(key, original);
        }
        else
        {
            await SendAsync(original with { IdempotencyKey = $"{key}:resend-{++_resends}" });
        }

        return true;
    }

    /// <summary>
    /// A provider response arrived: it waits for the complainant's daily digest. The first response since the last
    /// digest starts a durable timer a day ahead; later ones only join the list, so however many the provider posts,
    /// the complainant gets at most one email a day. The timer is a case timer (durable, swept like any other), so the
    /// digest survives restarts and goes out exactly once, whichever stage the case has reached by then.
    /// </summary>
    public void ProviderResponseArrived()
    {
        _responsesNotYetTold.Add(Now);
        _responseDigest ??= StartTimer(ProviderResponseDigestKind, Now + ProviderResponseDigestDelay, onExpired: SendProviderResponseDigestAsync);
    }

    /// <summary>
    /// The case is closing: responses the digest was holding are told now, under the digest timer's key, rather than
    /// never (closing cancels every timer).
    /// </summary>
    public async Task SendProviderResponseDigestNowAsync()
    {
        if (_responseDigest is { } timer)
        {
            Stop(timer);
            await SendProviderResponseDigestAsync(timer);
        }
    }

    private const string ProviderResponseDigestKind = "provider-response-digest";

    /// <summary>At most one provider-response email a day per case.</summary>
    private static readonly TimeSpan ProviderResponseDigestDelay = TimeSpan.FromDays(1);

    private async Task SendProviderResponseDigestAsync(CaseTimer timer)
    {
        _responseDigest = null;
        var arrived = _responsesNotYetTold.ToList();
        _responsesNotYetTold.Clear();
        var count = arrived.Count.ToString(CultureInfo.InvariantCulture);
        await NotifyAsync(
            NotificationTemplates.ProviderResponseReceived,
            NotificationRecipient.Complainant,
            timer.Key,
            new Dictionary<string, string>
            {
                ["responseCount"] = count,
                ["responses"] = string.Join('\n', arrived.Select(at => at.ToString("O", CultureInfo.InvariantCulture))),
                ["receivedAt"] = arrived[0].ToString("O", CultureInfo.InvariantCulture),
            });
        RecordStep(TimelineSteps.ResponsesDigested, CaseActor.System, $"Complainant told of {count} provider response(s) in one digest.", visibility: TimelineVisibility.Staff);
    }

    /// <summary>A deadline passed: overdue flag, and with <paramref name="escalate"/> escalation to the head of unit; staff are told.</summary>
    public async Task OverdueAsync(CaseTimer timer, string consequence, bool escalate)
    {
        var deadline = timer.Deadline!;
        Status.Overdue = true;
        Status.OverdueRules.Add(deadline.RuleId);
        Status.OverdueDeadlines.Add(OpenDeadlineOf(deadline));
        if (DeadlineRecordOf(timer) is { } record)
        {
            record.Overdue = true;
        }
        Status.Escalated |= escalate;
        Record(CaseActor.System, $"{deadline.RuleId} overdue ({deadline.Citation}): {consequence}", TimelineKind.Overdue, TimelineVisibility.Staff);
        await NotifyAsync(
            NotificationTemplates.StaffEscalation,
            NotificationRecipient.Staff,
            timer.Key,
            new Dictionary<string, string> { ["consequence"] = consequence, ["escalated"] = escalate ? "true" : "false" },
            deadline);
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    private CaseSignal? Accept(CaseInput received)
    {
        Now = Max(Now, received.ReceivedAt);
        var action = received.Action;
        var actor = action.Actor;
        if ((CaseStageRules.Check(Status.Stage, Status.Path, received.Name, action)
            ?? DeadlineSuspensionRules.Check(Status.OpenDeadlines, received.Name, action)
            ?? CaseStageRules.CheckCase(Status, received.Name)) is { } refusal)
        {
            Record(actor, $"Refused '{received.Name}' ({refusal.Code}): {refusal.Reason}", TimelineKind.Refused, TimelineVisibility.Staff, received.Name);
            return null;
        }

        if (received.Name is CaseEvents.NotificationResend or CaseEvents.NotificationDeliveredOtherwise or CaseEvents.CalendarAmended)
        {
            // Recorded when taken, not here: what a notification action did depends on whether the notification still
            // awaits delivery (staff only), and a calendar amendment is no one's action on this case (the recount
            // records what it changes, if anything).
            return new CaseSignal { EventName = received.Name, Action = action };
        }

        Record(actor, action.Note is { Length: > 0 } note ? $"{received.Name}: {note}" : received.Name, TimelineKind.Action, eventName: received.Name);
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
        timer.Cancellation.Cancel();
        _timers.Remove(timer);
        if (timer.Deadline is { } deadline)
        {
            RemoveOpenDeadline(deadline);

            // Stopping a deadline's timer means its step was done (also after it passed: done late), unless the case
            // is closing and the step was simply no longer needed.
            if (DeadlineRecordOf(timer) is { DoneAt: null, EndedWithCase: false } record)
            {
                record.DoneAt = Now;
            }
        }
    }

    private DeadlineRecord? DeadlineRecordOf(CaseTimer timer) => Status.Deadlines.FindLast(d => d.Key == timer.Key);

    /// <summary>A deadline's timer takes a new key when it moves (recount, resumption): its record follows it.</summary>
    private void MoveDeadlineRecord(CaseTimer timer, string newKey, DateTimeOffset dueAt)
    {
        if (timer.Deadline is not null && DeadlineRecordOf(timer) is { } record)
        {
            record.Key = newKey;
            record.DueAt = dueAt;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static OpenDeadline OpenDeadlineOf(CaseDeadline deadline) => new()
    {
        RuleId = deadline.RuleId,
        Kind = deadline.Kind,
        DueAt = deadline.DueAt,
        DueDate = deadline.DueDate,
        Citation = deadline.Citation,
        Explanation = deadline.Explanation,
        Provisional = deadline.Provisional,
        ProvisionalYears = deadline.ProvisionalYears,
        CalendarVersions = deadline.CalendarVersions,
        CountedFrom = deadline.CountedFrom,
        Duration = deadline.Duration,
        SetInDecision = deadline.SetInDecision,
        MovedToNextWorkingDay = deadline.MovedToNextWorkingDay,
        HolidaysSkipped = deadline.HolidaysSkipped,
        CollectiveLeaveSkipped = deadline.CollectiveLeaveSkipped,
        Suspensions = deadline.Suspensions,
        CountedFromReceipt = deadline.CountedFromReceipt,
    };

    private void RemoveOpenDeadline(CaseDeadline deadline) =>
        Status.OpenDeadlines.RemoveAll(d => d.RuleId == deadline.RuleId && d.Kind == deadline.Kind && d.DueAt == deadline.DueAt);
}
