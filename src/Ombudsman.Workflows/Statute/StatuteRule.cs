namespace Ombudsman.Workflows.Statute;

/// <summary>One row of the statute table (P1-P11, O1-O12) as loaded from a rule-set file.</summary>
public sealed record StatuteRule
{
    /// <summary>Stable id from the product table, e.g. "P5" or "O3".</summary>
    public required string Id { get; init; }

    /// <summary>Version of the rule set this rule was loaded from; a case pins it at intake.</summary>
    public required string RuleSetVersion { get; init; }

    public required ComplaintPath Path { get; init; }

    public required string Name { get; init; }

    /// <summary>The law the rule enforces, e.g. "UU 25/2009 art. 45(1)"; shown wherever the deadline is.</summary>
    public required string Citation { get; init; }

    /// <summary>Machine name of the event that starts the clock, e.g. "complaint-received".</summary>
    public required string Trigger { get; init; }

    /// <summary>The same event in words, e.g. "the complaint was received".</summary>
    public required string ClockStarts { get; init; }

    /// <summary>The time limit, or null when the rule has none (see <see cref="NoDurationReason"/>).</summary>
    public RuleDuration? Duration { get; init; }

    /// <summary>Why the rule has no duration, e.g. "set in the decision"; null when it has one.</summary>
    public string? NoDurationReason { get; init; }

    /// <summary>What happens when the time limit passes.</summary>
    public required string Consequence { get; init; }

    public required RuleBasis Basis { get; init; }

    /// <summary>
    /// The party whose answer the deadline waits for, when the rule set says so; a provider-answered rule is what the
    /// provider's link is issued for and what the provider's page counts down to. Null when the rule set does not say.
    /// </summary>
    public RuleParty? AnsweredBy { get; init; }

    /// <summary>
    /// The case step whose deadline the rule governs on its path, when the workflow asks the rule set which rule that is
    /// (one of <see cref="RuleSteps"/>, e.g. "completeness-answer": P5 on the provider path, O4 on the Ombudsman path);
    /// null when code names the rule itself.
    /// </summary>
    public string? Step { get; init; }

    /// <summary>
    /// A number of occurrences the rule counts to, when it counts (O6: the unanswered summons after which the Ombudsman
    /// may ask the police to bring the person); null when it counts nothing.
    /// </summary>
    public int? Count { get; init; }

    /// <summary>The duration in words, or the reason there is none.</summary>
    public string DurationText => Duration?.ToString() ?? NoDurationReason ?? "none";
}
