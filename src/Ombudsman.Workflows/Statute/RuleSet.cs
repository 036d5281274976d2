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

    /// <summary>
    /// Citations of provisions the case and its pages name that set no time limit of their own (e.g. the complainant's
    /// confidentiality), by name; empty when the file lists none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Provisions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The citation of a named provision; throws when the version does not cite it, since callers name provisions in code.</summary>
    public string Provision(string name) =>
        Provisions.TryGetValue(name, out var citation)
            ? citation
            : throw new KeyNotFoundException($"Rule set {Version} cites no provision '{name}'.");

    /// <summary>The rules whose deadline waits for <paramref name="party"/>'s answer, in file order.</summary>
    public IEnumerable<StatuteRule> AnsweredBy(RuleParty party) => Rules.Where(r => r.AnsweredBy == party);

    /// <summary>The act a path's rules come from, e.g. "UU 25/2009" for the provider path: the act its first rule cites.</summary>
    public string ActOf(ComplaintPath path) =>
        Rules.FirstOrDefault(r => r.Path == path) is { } rule ? Notifications.StatuteWording.Act(rule.Citation) : "";

    /// <summary>
    /// The rule that governs a case step's deadline on a path (<see cref="StatuteRule.Step"/>), e.g. P5 for the answer on
    /// completeness on the provider path; throws when the version names none, since callers name steps in code.
    /// </summary>
    public StatuteRule RuleFor(ComplaintPath path, string step) =>
        Rules.FirstOrDefault(r => r.Path == path && string.Equals(r.Step, step, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"Rule set {Version} has no {path} rule for the step '{step}'.");

    /// <summary>
    /// What a rule counts to (<see cref="StatuteRule.Count"/>); throws when the rule counts nothing, since callers name
    /// the rule in code.
    /// </summary>
    public int CountOf(string ruleId) =>
        this[ruleId].Count ?? throw new KeyNotFoundException($"Rule {ruleId} of rule set {Version} counts nothing (it has no 'count').");

    /// <summary>The rule with this id; throws when the version has no such rule, since callers name rules in code.</summary>
    public StatuteRule this[string ruleId] =>
        Rules.FirstOrDefault(r => string.Equals(r.Id, ruleId, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"Rule set {Version} has no rule '{ruleId}'.");
}
