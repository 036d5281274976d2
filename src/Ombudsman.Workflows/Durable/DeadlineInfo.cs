namespace Ombudsman.Workflows.Durable;

/// <summary>
/// What a durable timer enforces: its kind (e.g. "cure-window"), the legal citation, and the rule it comes from.
/// A timer with deadline info is listed in the deadlines index for staff; a plain timer (retry backoff) is not.
/// </summary>
public sealed record DeadlineInfo
{
    public required string Kind { get; init; }

    public required string Citation { get; init; }

    public string? RuleId { get; init; }

    public string? Description { get; init; }
}
