namespace Ombudsman.Workflows.Cases;

/// <summary>
/// One statutory deadline a case ran, kept for good (unlike <see cref="OpenDeadline"/>, which leaves the status when
/// the deadline ends): when it was due, when its step was done, whether it passed and whether passing made the case
/// overdue. What the on-time figures per rule are counted from.
/// </summary>
public sealed record DeadlineRecord
{
    /// <summary>The case timer's key, unique within the case.</summary>
    public required string Key { get; set; }

    public required string RuleId { get; init; }

    public required DateTimeOffset DueAt { get; set; }

    /// <summary>When the step the deadline waited for was done (in the case's time); null while it is not.</summary>
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>When the deadline passed without the step being done; null when it did not (yet).</summary>
    public DateTimeOffset? PassedAt { get; set; }

    /// <summary>Passing it was the office's failure (the case was flagged overdue), not a party's time running out.</summary>
    public bool Overdue { get; set; }

    /// <summary>The case closed while it still ran: the step was no longer needed.</summary>
    public bool EndedWithCase { get; set; }
}
