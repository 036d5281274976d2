using System.Globalization;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages.Staff;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.StaffPages;

/// <summary>
/// My office today (<see cref="ConsoleRoutes.Today"/>): the signed-in member's office only, from the read model —
/// deadlines that passed with their step not done, deadlines whose last day falls within three working days, cases
/// in a stage where the member's role has a step to take, the open cases assigned to the member, filings of the last seven days still being checked, and
/// cases with a notification that did not arrive.
/// </summary>
internal static class TodayPages
{
    /// <summary>"Due soon": the last day falls on or before the third working day after today.</summary>
    public const int DueSoonWorkingDays = 3;

    /// <summary>A filing is new for this long after it was received, while it is still being received or checked.</summary>
    public static readonly TimeSpan NewFilingAge = TimeSpan.FromDays(7);

    /// <summary>
    /// Events that are always open (withdrawal, closing) or that staff send only on another party's behalf: a case
    /// does not wait for staff because of them.
    /// </summary>
    private static readonly string[] NotOwnSteps =
        [CaseEvents.Withdraw, CaseEvents.CloseCase, CaseEvents.NotificationResend, CaseEvents.NotificationDeliveredOtherwise];

    /// <summary>The console's lists: today, the case list and its CSV, undelivered mail.</summary>
    public static HttpRouteTable AddConsoleListRoutes(this HttpRouteTable routes) => routes
        .Add(StaffConsole.Page(HttpRoute.Get("StaffToday", ConsoleRoutes.Today.TrimStart('/'), ShowAsync)))
        .AddCaseListConsoleRoutes()
        .AddMailConsoleRoutes();

    private static async Task<IResult> ShowAsync(
        HttpContext context, CaseReadModel readModel, OfficeDirectory offices, ILegalCalendarSource calendars, TimeProvider time,
        IStringLocalizer<ConsoleListText> t, PageResponder pages, CancellationToken cancellationToken)
    {
        var member = StaffConsole.Member(context);
        var zone = offices.Find(member.Office)?.TimeZone ?? OfficeTimeZone.Wib;
        var now = time.GetUtcNow();
        var today = zone.DateOf(now);
        var calendar = await calendars.CurrentAsync(cancellationToken);
        var (lastDueSoonDay, uncountedYears) = WorkingDaysAfter(calendar, today, DueSoonWorkingDays);
        var rows = new ConsoleCaseRows(t, time);

        var listed = await readModel.ListOpenCasesAsync(member.Office, cancellationToken);
        var cases = listed.ToDictionary(c => c.Status.CaseId, c => c.Status, StringComparer.Ordinal);
        var running = (await readModel.ListOpenDeadlinesAsync(member.Office, CaseReadModel.Earliest, zone.StartOf(lastDueSoonDay.AddDays(1)), cancellationToken: cancellationToken))
            .Where(d => cases.ContainsKey(d.CaseId) && d.Timer.Deadline is not null)
            .ToList();

        // Passed and recorded overdue by the case, or passed by the clock and not yet taken in by the case.
        var overdue = cases.Values
            .SelectMany(c => c.OverdueDeadlines.Select(d => (Case: c, Deadline: d)))
            .Concat(running.Where(d => d.Timer.DueAt <= now).Select(d => (Case: cases[d.CaseId], Deadline: d.Timer.Deadline!)))
            .OrderBy(p => p.Deadline.DueAt)
            .Select(p => rows.Row(p.Case, p.Deadline))
            .ToList();
        var dueSoon = running
            .Where(d => d.Timer.DueAt > now)
            .Select(d => rows.Row(cases[d.CaseId], d.Timer.Deadline!))
            .ToList();
        var waiting = cases.Values
            .Where(c => WaitsFor(member, c))
            .OrderBy(c => ConsoleCaseRows.FirstDeadline(c)?.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.ReceivedAt)
            .Select(c => rows.Row(c, ConsoleCaseRows.FirstDeadline(c)))
            .ToList();
        var newFilings = cases.Values
            .Where(c => c.Stage is CaseStage.Received or CaseStage.CompletenessCheck && c.ReceivedAt is { } at && at > now - NewFilingAge)
            .OrderByDescending(c => c.ReceivedAt)
            .Select(c => rows.Row(c, ConsoleCaseRows.FirstDeadline(c)))
            .ToList();
        var mail = cases.Values
            .Where(c => c.NotDeliveredNotifications.Count > 0)
            .OrderBy(c => c.CaseId, StringComparer.Ordinal)
            .Select(c => rows.Row(c, ConsoleCaseRows.FirstDeadline(c)))
            .ToList();

        var mine = listed
            .Where(c => c.Assignee?.Id == member.Id)
            .Select(c => c.Status)
            .OrderBy(c => ConsoleCaseRows.FirstDeadline(c)?.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.ReceivedAt)
            .Select(c => rows.Row(c, ConsoleCaseRows.FirstDeadline(c)))
            .ToList();

        var note = uncountedYears.Count == 0
            ? null
            : string.Format(CultureInfo.CurrentCulture, t["Today.CalendarNote"], string.Join(", ", uncountedYears));
        return await pages.RenderAsync<TodayPage>(context, new Dictionary<string, object?>
        {
            ["Staff"] = StaffConsole.Badge(context),
            ["Model"] = new TodayModel(overdue, dueSoon, waiting, newFilings, mail, note) { AssignedToMe = mine },
        });
    }

    /// <summary>
    /// The <paramref name="count"/>th working day after <paramref name="today"/> by the legal calendar, and the years it
    /// passed through whose holidays are not loaded (there only weekends are skipped).
    /// </summary>
    internal static (DateOnly Day, IReadOnlyList<int> UncountedYears) WorkingDaysAfter(LegalCalendar calendar, DateOnly today, int count)
    {
        var day = today;
        var uncounted = new SortedSet<int>();
        for (var found = 0; found < count;)
        {
            day = day.AddDays(1);
            if (!calendar.IsLoaded(day.Year))
            {
                uncounted.Add(day.Year);
            }

            if (calendar.IsWorkingDay(day))
            {
                found++;
            }
        }

        return (day, [.. uncounted]);
    }

    /// <summary>
    /// Whether the case is in a stage where the member's role has a step of its own to take (an event only staff send,
    /// on the case's path), apart from withdrawing or closing, which every open case allows.
    /// </summary>
    private static bool WaitsFor(StaffMember member, CaseStatus status)
    {
        if (status.Stage is CaseStage.Received or CaseStage.Routing or CaseStage.Closed)
        {
            return false;
        }

        var actor = member.ToActor();
        return CaseStageRules.AllowedIn(status.Stage).Any(e =>
            !NotOwnSteps.Contains(e, StringComparer.Ordinal) &&
            CaseStageRules.SendersOf(e) is [CaseRole.Staff] &&
            StaffActionPermissions.MayAct(member, e) &&
            CaseStageRules.Check(status.Stage, status.Path, e, new CaseAction { Actor = actor }) is not { Code: CaseActionRefusal.NotValidOnPath });
    }
}
