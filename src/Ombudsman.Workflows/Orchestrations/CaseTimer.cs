using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// A timer a case is running: a statutory deadline (listed on the case and for staff), a reminder before one, or a
/// retry. It is a durable timer and an open row in the read model; whichever of the timer and the sweeper's
/// <see cref="DeadlineDue"/> event comes first applies it. <see cref="OnExpired"/>, when set, is the consequence
/// applied without leaving the current wait (reminders, overdue flags); without it the expiry is returned to the
/// stage that started the timer. A suspended deadline keeps this object (the stage holds it) while its durable timer
/// is cancelled; resuming gives it a new key, due instant, durable timer and deadline.
/// </summary>
internal sealed class CaseTimer
{
    // Key, DueAt, Fired, Cancellation and Deadline change together when a recount moves the timer
    // (CaseWorkflowContext.Reschedule): the stage keeps holding the same timer.

    /// <summary>Unique within the case; the key of its open row and of its <see cref="DeadlineDue"/> event.</summary>
    public required string Key { get; set; }

    /// <summary>What the timer is for, e.g. "cure-window" or "cure-reminder-7d"; the key is this and a sequence number.</summary>
    public string Kind { get; init; } = "";

    /// <summary>When it is due, in the case's statutory time (the app's clock).</summary>
    public required DateTimeOffset DueAt { get; set; }

    /// <summary>The engine's durable timer; cancelled when the step it guards is done.</summary>
    public required Task Fired { get; set; }

    public required CancellationTokenSource Cancellation { get; set; }

    /// <summary>The deadline, or null for a reminder or a retry.</summary>
    public CaseDeadline? Deadline { get; set; }

    /// <summary>What a counted deadline was computed from, so it can be counted again when the calendar changes.</summary>
    public DeadlineRequest? Request { get; set; }

    public Func<CaseTimer, Task>? OnExpired { get; init; }

    /// <summary>For a reminder: the deadline it reminds of; completing that deadline cancels the reminder.</summary>
    public CaseTimer? Parent { get; init; }
}
