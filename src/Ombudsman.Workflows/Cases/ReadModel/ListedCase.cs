using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Cases.ReadModel;

/// <summary>
/// A case as the staff lists show it, read from a few small columns of its case row rather than its whole status, so
/// a list of thousands of cases reads a few hundred bytes per case: what it is, where it stands, the deadline staff
/// should look at first, and whom it is assigned to.
/// </summary>
public sealed record ListedCase : CaseColumns
{
    /// <summary>The earliest deadline that passed with its step not done, else the earliest running one; null without either.</summary>
    public ListedDeadline? FirstDeadline { get; init; }

    /// <summary>When the earliest running deadline (one whose clock is not stopped) passes; null when none runs.</summary>
    public DateTimeOffset? NextDueAt { get; init; }

    /// <summary>The case recorded a deadline as passed with its step not done.</summary>
    public bool HasOverdueDeadline { get; init; }

    /// <summary>A notification of the case did not arrive, or may not have.</summary>
    public bool EmailNotDelivered { get; init; }

    public CaseAssignee? Assignee { get; init; }

    /// <summary>Open, with a deadline passed and its step not done, or a running deadline the clock has passed.</summary>
    public bool IsOverdue(DateTimeOffset now) => Stage != CaseStage.Closed && (HasOverdueDeadline || NextDueAt <= now);
}

/// <summary>A deadline as a list row shows it: its rule, what it is for, its last day and whether it passed as overdue.</summary>
public sealed record ListedDeadline(string RuleId, string Kind, DateTimeOffset DueAt, DateOnly DueDate, bool Overdue)
{
    public static ListedDeadline Of(OpenDeadline deadline, bool overdue)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return new ListedDeadline(deadline.RuleId, deadline.Kind, deadline.DueAt, deadline.DueDate, overdue);
    }
}

/// <summary>
/// Which of an office's cases a list wants, as conditions the table service applies to the case rows, so only the
/// matching rows are sent. Conditions that need a text search (receipt number, provider) are the caller's.
/// </summary>
public sealed record CaseListQuery
{
    /// <summary>One stage only.</summary>
    public CaseStage? Stage { get; init; }

    /// <summary>Leave closed cases out.</summary>
    public bool OpenOnly { get; init; }

    public ComplaintPath? Path { get; init; }

    public IntakeChannel? Channel { get; init; }

    /// <summary>Only the cases assigned to this staff id.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>Only the cases assigned to nobody.</summary>
    public bool Unassigned { get; init; }

    /// <summary>Only open cases overdue at this instant (<see cref="ListedCase.IsOverdue"/>).</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>Only cases with a passed or running deadline that passes at or before this instant.</summary>
    public DateTimeOffset? DueBy { get; init; }

    /// <summary>Only cases received at or after this instant.</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }

    /// <summary>Only cases with a notification that did not arrive.</summary>
    public bool EmailNotDelivered { get; init; }
}
