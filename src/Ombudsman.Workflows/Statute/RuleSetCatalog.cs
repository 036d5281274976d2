namespace Ombudsman.Workflows.Statute;

/// <summary>
/// Every loaded rule-set version. A case asks <see cref="InForceOn"/> once, at intake, stores the version id,
/// and from then on asks <see cref="Get"/>: a later version never moves that case's deadlines.
/// </summary>
public sealed class RuleSetCatalog
{
    private readonly Dictionary<string, RuleSet> _byVersion;

    public RuleSetCatalog(IEnumerable<RuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        All = [.. ruleSets.OrderBy(r => r.EffectiveFrom)];
        _byVersion = All.ToDictionary(r => r.Version, StringComparer.Ordinal);
    }

    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<RuleSet> All { get; }

    /// <summary>The version in force on a filing date: the latest whose effective-from date is on or before it.</summary>
    public RuleSet InForceOn(DateOnly date) =>
        All.LastOrDefault(r => r.EffectiveFrom <= date) ?? throw new NoRuleSetInForceException(date, All.FirstOrDefault()?.EffectiveFrom);

    /// <summary>The version a case pinned at intake.</summary>
    public RuleSet Get(string version) =>
        _byVersion.TryGetValue(version, out var ruleSet)
            ? ruleSet
            : throw new KeyNotFoundException($"Statute rule set version '{version}' is not loaded.");

    /// <summary>
    /// The rule set a case's emails and pages state their durations and citations from: the version it pinned at intake,
    /// or, before intake ran (or for a version no longer loaded), the one in force on the day it was filed.
    /// </summary>
    public RuleSet ForCase(string? pinnedVersion, DateOnly filedOn) =>
        pinnedVersion is not null && _byVersion.TryGetValue(pinnedVersion, out var pinned) ? pinned : InForceOn(filedOn);

    public bool TryGet(string version, out RuleSet? ruleSet) => _byVersion.TryGetValue(version, out ruleSet);
}
