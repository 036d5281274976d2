namespace Ombudsman.Workflows.Statute;

/// <summary>A deadline was asked of a rule that has no duration of its own (e.g. P10: "set in the decision").</summary>
public sealed class RuleWithoutDurationException : Exception
{
    public RuleWithoutDurationException(StatuteRule rule)
        : base($"Rule {rule?.Id} ({rule?.Citation}) in rule set {rule?.RuleSetVersion} has no duration: {rule?.NoDurationReason}.")
    {
        ArgumentNullException.ThrowIfNull(rule);
        RuleId = rule.Id;
        Reason = rule.NoDurationReason ?? "none";
    }

    public string RuleId { get; }

    /// <summary>What the data says instead of a duration.</summary>
    public string Reason { get; }
}
