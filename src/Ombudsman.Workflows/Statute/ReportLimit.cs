namespace Ombudsman.Workflows.Statute;

/// <summary>
/// O1: a report to the Ombudsman is made within 2 years of the act or decision complained of
/// (UU 37/2008 art. 24); a late report is rejected with that reason.
/// </summary>
public sealed class ReportLimit
{
    /// <summary>The rule this check applies.</summary>
    public const string RuleId = "O1";

    private readonly RuleSetCatalog _catalog;
    private readonly DeadlineCalculator _calculator;

    public ReportLimit(RuleSetCatalog catalog, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(calculator);
        _catalog = catalog;
        _calculator = calculator;
    }

    /// <summary>
    /// Checks a report against the rule set in force on the report date (or the pinned <paramref name="ruleSetVersion"/>).
    /// </summary>
    public TimeLimitCheck Check(DateOnly eventDate, DateTimeOffset reportedAt, OfficeTimeZone office, string? ruleSetVersion = null) =>
        TimeLimit.Check(_catalog, _calculator, RuleId, eventDate, reportedAt, office, ruleSetVersion, "reported");
}
