namespace Ombudsman.Workflows.Statute;

/// <summary>One version of the statute rules, in force for cases filed from <see cref="EffectiveFrom"/>.</summary>
public sealed record RuleSet
{
    /// <summary>Version id a case stores at intake, e.g. "2025.1".</summary>
    public required string Version { get; init; }

    /// <summary>First filing date (office-local legal date) this version applies to.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    public string? Description { get; init; }

    /// <summary>The file the rule set was loaded from (embedded resource name or path).</summary>
    public required string Source { get; init; }

    /// <summary>The rules in file order.</summary>
    public required IReadOnlyList<StatuteRule> Rules { get; init; }

    /// <summary>The rule with this id; throws when the version has no such rule, since callers name rules in code.</summary>
    public StatuteRule this[string ruleId] =>
        Rules.FirstOrDefault(r => string.Equals(r.Id, ruleId, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"Rule set {Version} has no rule '{ruleId}'.");
}
