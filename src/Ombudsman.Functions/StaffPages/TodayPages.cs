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

    /// <summary>A filing is new on the day it was received and the days after, this many in all, while it is still being received or checked.</summary>
    public const int NewFilingDays = 7;

    /// <summary>
    /// Rows each section shows unless the setting <c>StaffConsole:TodayRowsPerSection</c> says otherwise: the most
    /// urgent first, with the section's total and a link to the whole of it in the case list, so the page stays small
    /// however many cases an office has.
    /// </summary>
    public const int RowsPerSection = 25;

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

        // One read of the office's open cases, list columns only; the running deadlines due by the end of the last
        // "due soon" day come from the deadline index, which is ordered by due instant.
        var open = await readModel.ListOpenCasesAsync(member.Office, cancellationToken);
        var cases = open.ToDictionary(c => c.CaseId, StringComparer.Ordinal);
        var running = (await readModel.ListOpenDeadlinesAsync(member.Office, CaseReadModel.Earliest, zone.StartOf(lastDueSoonDay.AddDays(1)), cancellationToken: cancellationToken))
            .Where(d => cases.ContainsKey(d.CaseId) && d.Timer.Deadline is not null)
            .ToList();
        var byFirstDeadline = open
            .OrderBy(c => c.FirstDeadline?.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.ReceivedAt)
            .ThenBy(c => c.CaseId, StringComparer.Ordinal)
            .ToList();

        var overdue = byFirstDeadline.Where(c => c.IsOverdue(now)).ToList();
        var dueSoon = running.Where(d => d.Timer.DueAt > now).ToList();
        var waiting = byFirstDeadline.Where(c => WaitsFor(member, c)).ToList();
        var mine = byFirstDeadline.Where(c => c.Assignee?.Id == member.Id).ToList();
        var newSince = today.AddDays(1 - NewFilingDays);
        var newFilings = open
            .Where(c => c.Stage is CaseStage.Received or CaseStage.CompletenessCheck && c.ReceivedAt is { } at && zone.DateOf(at) >= newSince)
            .OrderByDescending(c => c.ReceivedAt)
            .ToList();
        var mail = open.Where(c => c.EmailNotDelivered).ToList();

        var rowsPerSection = Math.Max(1, context.RequestServices.GetRequiredService<IConfiguration>().GetValue("StaffConsole:TodayRowsPerSection", RowsPerSection));
        TodaySection Section(IReadOnlyCollection<ListedCase> all, string allUrl) =>
            new([.. all.Take(rowsPerSection).Select(c => rows.Row(c))], all.Count, allUrl);
        var model = new TodayModel(
            Section(overdue, CaseListPages.Address(new() { ["overdue"] = "true" })),
            new TodaySection(
                [.. dueSoon.Take(rowsPerSection).Select(d => rows.Row(cases[d.CaseId], ListedDeadline.Of(d.Timer.Deadline!, overdue: false)))],
                dueSoon.Count,
                CaseListPages.Address(new() { ["dueBefore"] = CaseListPages.Iso(lastDueSoonDay.AddDays(1)) })),
            Section(waiting, CaseListPages.Address(new() { ["waiting"] = CaseListPages.WaitingForMe })),
            Section(newFilings, CaseListPages.Address(new() { ["stage"] = nameof(CaseStage.CompletenessCheck), ["receivedFrom"] = CaseListPages.Iso(newSince), ["sort"] = CaseListPages.SortAge })),
            Section(mail, ConsoleRoutes.Mail),
            uncountedYears.Count == 0 ? null : string.Format(CultureInfo.CurrentCulture, t["Today.CalendarNote"], string.Join(", ", uncountedYears)))
        {
            AssignedToMe = Section(mine, CaseListPages.Address(new() { ["assigned"] = CaseListPages.AssignedToMe })),
        };

        return await pages.RenderAsync<TodayPage>(context, new Dictionary<string, object?>
        {
            ["Staff"] = StaffConsole.Badge(context),
            ["Model"] = model,
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
    internal static bool WaitsFor(StaffMember member, ListedCase status)
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
