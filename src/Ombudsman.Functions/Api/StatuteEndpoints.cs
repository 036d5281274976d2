using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Ombudsman.Functions.Calendar;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Api;

/// <summary>
/// The statute rules and the legal calendar, with citations, for the staff console and the public "how long will this
/// take" page; and the publication of a year's holiday calendar (SKB 3 Menteri) by an administrator.
/// </summary>
internal static class StatuteEndpoints
{
    public const string FieldRequired = "field-required";
    public const string InvalidCalendar = "invalid-calendar";

    /// <summary>
    /// GET /api/statute/rules[/{version}] and GET /api/statute/holidays[/{year}] (public); GET and POST
    /// /api/statute/calendars/{year} (the versions of a year's calendar; publishing one is for administrators).
    /// </summary>
    public static HttpRouteTable AddStatuteRoutes(this HttpRouteTable routes) => routes
        .Add(HttpRoute.Get("StatuteRuleSets", "api/statute/rules", ListRuleSets))
        .Add(HttpRoute.Get("StatuteRuleSet", "api/statute/rules/{version}", GetRuleSet))
        .Add(HttpRoute.Get("StatuteHolidayYears", "api/statute/holidays", ListHolidayYearsAsync))
        .Add(HttpRoute.Get("StatuteHolidayYear", "api/statute/holidays/{year:int}", GetHolidayYearAsync))
        .Add(HttpRoute.Get("StatuteCalendar", "api/statute/calendars/{year:int}", GetCalendarAsync) with
        {
            Tags = ["Staff"],
            AuthorizationPolicy = StaffIdentityServiceCollectionExtensions.StaffOrAdministratorPolicy,
            Describe = b => b
                .WithSummary("A year's holiday calendar as deadlines are counted with it now (data file or latest published version, or none: provisional), and every published version with its decree and who published it.")
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden),
        })
        .Add(HttpRoute.Post("PublishStatuteCalendar", "api/statute/calendars/{year:int}", PublishCalendarAsync) with
        {
            Tags = ["Staff"],
            AuthorizationPolicy = StaffIdentityServiceCollectionExtensions.AdministratorPolicy,
            AcceptsIdempotencyKey = true,
            Describe = b => b
                .WithSummary("Publishes the year's holiday decree (SKB 3 Menteri) or its amendment as the year's next calendar version: decree number and date, and every national holiday and collective-leave day. Administrators only; every problem is reported at once.")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden),
        });

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

    /// <summary>The years deadlines are counted with now: data files, each replaced by its latest published version.</summary>
    private static async Task<IResult> ListHolidayYearsAsync(ILegalCalendarSource calendars, CancellationToken cancellationToken) =>
        Results.Ok(new { years = (await calendars.CurrentAsync(cancellationToken)).Years.Select(y => Describe(y, withPublisher: false)) });

    private static async Task<IResult> GetHolidayYearAsync(int year, ILegalCalendarSource calendars, CancellationToken cancellationToken) =>
        (await calendars.CurrentAsync(cancellationToken)).Year(year) is { } found
            ? Results.Ok(Describe(found, withPublisher: false))
            : Problem(StatusCodes.Status404NotFound, "holiday-year-not-loaded", "Holiday year not loaded", $"No holiday calendar is loaded for {year}.");

    private static async Task<IResult> GetCalendarAsync(
        int year, ILegalCalendarSource calendars, [FromServices] PublishedCalendars published, IOptions<StatuteOptions> options, CancellationToken cancellationToken)
    {
        var current = (await calendars.CurrentAsync(cancellationToken)).Year(year);
        var versions = await published.VersionsAsync(year, cancellationToken);
        return Results.Ok(new
        {
            year,
            current = current is null ? null : Describe(current, withPublisher: true),
            provisional = current is null && options.Value.ProvisionalYears,
            countedAs = current?.Label ?? (options.Value.ProvisionalYears ? ProvisionalYear.Label(year) : $"calendar {year} not loaded: working-day deadlines reaching it wait"),
            versions = versions.Select(v => Describe(v, withPublisher: true)),
        });
    }

    /// <summary>
    /// Validates the body exactly as a data file's days are validated (every problem at once) and stores it as the
    /// year's next version; from then on new deadlines reaching the year are counted with it, and running ones that went
    /// through the year with an earlier calendar are recounted.
    /// </summary>
    private static async Task<IResult> PublishCalendarAsync(
        int year,
        JsonElement? body,
        HttpContext context,
        [FromServices] PublishedCalendars published,
        [FromServices] CalendarAmendmentDelivery delivery,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Problems.Validation([new FieldError("(body)", "body-required", "Send the decree as JSON: decreeNumber, decreeDate and days.")]);
        }

        var problems = new List<StatuteDataProblem>();
        var calendar = StatuteDataLoader.ParsePublishedYear(year, body.Value, problems);
        if (calendar is null)
        {
            return Problems.Validation(
                [.. problems.Select(p => new FieldError(p.Field, p.Message == "is missing" ? FieldRequired : InvalidCalendar, $"{p.Subject}: {p.Message}"))],
                $"The calendar for {year} was not published: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}.");
        }

        var version = await published.PublishAsync(calendar, PublisherOf(context.User), time.GetUtcNow(), cancellationToken);

        // Running deadlines that went through the year are recounted out of this request: the stored version says its
        // cases are still to be told, and the delivery (woken now, and sweeping on its own) tells them.
        delivery.Wake();
        return Results.Created($"/api/statute/calendars/{year}", Describe(version, withPublisher: true));
    }

    /// <summary>Who published, as the version records it: "id (name)".</summary>
    private static string PublisherOf(ClaimsPrincipal user)
    {
        var id = user.FindFirst(StaffClaimTypes.Id)?.Value ?? "unknown";
        return user.FindFirst(StaffClaimTypes.Name)?.Value is { Length: > 0 } name && name != id ? $"{id} ({name})" : id;
    }

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

    /// <summary>A year's calendar; who published a version is shown to staff only, never on the public (cacheable) routes.</summary>
    private static object Describe(HolidayYear year, bool withPublisher) => new
    {
        year = year.Year,
        version = year.Version,
        label = year.Label,
        decree = year.Decree,
        decreeNumber = year.DecreeNumber,
        decreeDate = year.DecreeDate,
        publishedAt = year.PublishedAt,
        publishedBy = withPublisher ? year.PublishedBy : null,
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
