using System.Globalization;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Api;

/// <summary>
/// Read-only description of the statute rules and the legal calendar, with citations, for the staff console
/// and the public "how long will this take" page.
/// </summary>
internal static class StatuteEndpoints
{
    /// <summary>GET /api/statute/rules[/{version}] and GET /api/statute/holidays[/{year}].</summary>
    public static HttpRouteTable AddStatuteRoutes(this HttpRouteTable routes) => routes
        .Add(HttpRoute.Get("StatuteRuleSets", "api/statute/rules", ListRuleSets))
        .Add(HttpRoute.Get("StatuteRuleSet", "api/statute/rules/{version}", GetRuleSet))
        .Add(HttpRoute.Get("StatuteHolidayYears", "api/statute/holidays", ListHolidayYears))
        .Add(HttpRoute.Get("StatuteHolidayYear", "api/statute/holidays/{year:int}", GetHolidayYear));

    /// <summary>Every rule-set version, and which one is in force on <paramref name="on"/> (default: today in WIB).</summary>
    private static IResult ListRuleSets(RuleSetCatalog catalog, TimeProvider time, string? on = null)
    {
        DateOnly date;
        if (on is null)
        {
            // The rule sets take effect nationally; Jakarta's date is the reference when none is asked for.
            date = OfficeTimeZone.Wib.DateOf(time.GetUtcNow());
        }
        else if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid-date", "Invalid date", $"'on' must be a date as yyyy-MM-dd, was '{on}'.");
        }

        var inForce = catalog.All.LastOrDefault(r => r.EffectiveFrom <= date);
        return Results.Ok(new
        {
            on = date,
            inForce = inForce?.Version,
            ruleSets = catalog.All.Select(Describe),
        });
    }

    private static IResult GetRuleSet(string version, RuleSetCatalog catalog) =>
        catalog.TryGet(version, out var ruleSet)
            ? Results.Ok(Describe(ruleSet!))
            : Problem(StatusCodes.Status404NotFound, "rule-set-not-found", "Rule set not found", $"No statute rule set version '{version}' is loaded.");

    private static IResult ListHolidayYears(LegalCalendar calendar) =>
        Results.Ok(new { years = calendar.Years.Select(Describe) });

    private static IResult GetHolidayYear(int year, LegalCalendar calendar) =>
        calendar.Years.FirstOrDefault(y => y.Year == year) is { } found
            ? Results.Ok(Describe(found))
            : Problem(StatusCodes.Status404NotFound, "holiday-year-not-loaded", "Holiday year not loaded", $"No holiday calendar is loaded for {year}.");

    private static object Describe(RuleSet ruleSet) => new
    {
        version = ruleSet.Version,
        effectiveFrom = ruleSet.EffectiveFrom,
        description = ruleSet.Description,
        rules = ruleSet.Rules.Select(Describe),
    };

    private static object Describe(StatuteRule rule) => new
    {
        id = rule.Id,
        path = rule.Path == ComplaintPath.Provider ? "provider" : "ombudsman",
        name = rule.Name,
        citation = rule.Citation,
        trigger = rule.Trigger,
        clockStarts = rule.ClockStarts,
        duration = rule.Duration is { } d
            ? new
            {
                amount = d.Amount,
                unit = d.Unit == DurationUnit.Years ? "years" : "days",
                dayType = d.DayType == DayType.Working ? "working" : "calendar",
            }
            : null,
        durationText = rule.DurationText,
        basis = rule.Basis == RuleBasis.OfficePolicy ? "policy" : "statutory",
        basisText = rule.Basis == RuleBasis.OfficePolicy ? "by office policy" : "by statute",
        consequence = rule.Consequence,
    };

    private static object Describe(HolidayYear year) => new
    {
        year = year.Year,
        decree = year.Decree,
        days = year.Days.Select(d => new
        {
            date = d.Date,
            kind = d.Kind == HolidayKind.CollectiveLeave ? "collective-leave" : "holiday",
            name = d.Name,
            note = d.Note,
        }),
    };

    private static IResult Problem(int status, string code, string title, string detail) => Problems.Result(status, code, title, detail);
}
