using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// A durable timer a case is running: a statutory deadline (listed on the case and for staff) or a reminder
/// before one. <see cref="OnExpired"/>, when set, is the consequence applied without leaving the current wait
/// (reminders, overdue flags); without it the expiry is returned to the stage that started the timer.
/// </summary>
internal sealed class CaseTimer
{
    public required DurableTimer Timer { get; init; }

    /// <summary>The deadline, or null for a reminder.</summary>
    public CaseDeadline? Deadline { get; init; }

    /// <summary>A step-unique key for notifications about this timer.</summary>
    public required string Key { get; init; }

    public Func<CaseTimer, Task>? OnExpired { get; init; }

    /// <summary>For a reminder: the deadline it reminds of; completing that deadline cancels the reminder.</summary>
    public CaseTimer? Parent { get; init; }
}
