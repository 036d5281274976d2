namespace Ombudsman.Workflows.Statute;

/// <summary>The answer to "was this filed in time", with the rule, the citation and the deadline it was held to.</summary>
public sealed record TimeLimitCheck
{
    public required TimeLimitOutcome Outcome { get; init; }

    public required string RuleId { get; init; }

    public required string RuleSetVersion { get; init; }

    public required string Citation { get; init; }

    /// <summary>What the rule says happens when the act is late.</summary>
    public required string Consequence { get; init; }

    public required Deadline Deadline { get; init; }

    /// <summary>The legal date of the act in the office's zone.</summary>
    public required DateOnly ActedOn { get; init; }

    /// <summary>Day number of the act counted from the trigger (the day after the trigger is day 1).</summary>
    public required int Day { get; init; }

    public bool IsLate => Outcome == TimeLimitOutcome.Late;

    /// <summary>E.g. "filed on 2026-04-16, day 31 of 30 calendar days from 2026-03-16: late (UU 25/2009 art. 42(1)-(2))".</summary>
    public required string Explanation { get; init; }
}
