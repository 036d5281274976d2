using System.Globalization;

namespace Ombudsman.Workflows.Statute;

/// <summary>Shared check behind <see cref="FilingWindow"/> and <see cref="ReportLimit"/>: was an act before a rule's deadline.</summary>
internal static class TimeLimit
{
    public static TimeLimitCheck Check(
        RuleSetCatalog catalog,
        DeadlineCalculator calculator,
        string ruleId,
        DateOnly triggerDate,
        DateTimeOffset actedAt,
        OfficeTimeZone office,
        string? ruleSetVersion,
        string act)
    {
        ArgumentNullException.ThrowIfNull(office);
        var actedOn = office.DateOf(actedAt);
        var ruleSet = ruleSetVersion is null ? catalog.InForceOn(actedOn) : catalog.Get(ruleSetVersion);
        var rule = ruleSet[ruleId];
        var deadline = calculator.Compute(rule, triggerDate, office);
        var outcome = actedAt < deadline.DueInstant ? TimeLimitOutcome.InTime : TimeLimitOutcome.Late;
        var day = actedOn.DayNumber - triggerDate.DayNumber;
        var verdict = outcome == TimeLimitOutcome.InTime ? "in time" : "late";
        return new TimeLimitCheck
        {
            Outcome = outcome,
            RuleId = rule.Id,
            RuleSetVersion = rule.RuleSetVersion,
            Citation = rule.Citation,
            Consequence = rule.Consequence,
            Deadline = deadline,
            ActedOn = actedOn,
            Day = day,
            Explanation = string.Create(
                CultureInfo.InvariantCulture,
                $"{act} on {actedOn:yyyy-MM-dd} {office.Code}, day {day}; {deadline.Explanation}: {verdict} ({rule.Citation})"),
        };
    }
}
