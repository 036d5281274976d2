namespace Ombudsman.Workflows.Statute;

/// <summary>
/// P1: a complaint is filed within 30 days of receiving the service (UU 25/2009 art. 42(1)-(2)).
/// Day 30 is in time; day 31 is late, which flags the complaint for staff rather than refusing it.
/// </summary>
public sealed class FilingWindow
{
    /// <summary>The rule this check applies.</summary>
    public const string RuleId = "P1";

    private readonly RuleSetCatalog _catalog;
    private readonly DeadlineCalculator _calculator;

    public FilingWindow(RuleSetCatalog catalog, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(calculator);
        _catalog = catalog;
        _calculator = calculator;
    }

    /// <summary>
    /// Checks a filing against the rule set in force on the filing date (or the pinned <paramref name="ruleSetVersion"/>).
    /// </summary>
    public TimeLimitCheck Check(DateOnly serviceDate, DateTimeOffset filedAt, OfficeTimeZone office, string? ruleSetVersion = null) =>
        TimeLimit.Check(_catalog, _calculator, RuleId, serviceDate, filedAt, office, ruleSetVersion, "filed");
}
