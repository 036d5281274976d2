using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Assignment;
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
/// The office's case list (<see cref="ConsoleRoutes.Cases"/>) and the same list as CSV (<see cref="ConsoleRoutes.CasesCsv"/>):
/// the open cases unless every stage or one stage is asked for, filtered by path, provider, channel, assigned officer, overdue, a
/// deadline due before a date, received from a date, waiting for the member's role and the receipt number, sorted by
/// the next deadline or by age, paged in the page and whole in the CSV. Filters are query parameters, so a list can be
/// bookmarked and the pages and the CSV keep them. Only the signed-in member's office is ever read.
/// </summary>
internal static class CaseListPages
{
    /// <summary>Cases on one page of the list unless the setting <c>StaffConsole:CasesPerPage</c> says otherwise.</summary>
    public const int DefaultPageSize = 50;

    private const string SortDue = "due";
    internal const string SortAge = "age";

    /// <summary>The "assigned" filter's values besides a staff id: the signed-in member, and nobody.</summary>
    internal const string AssignedToMe = "me";
    private const string Unassigned = "none";

    /// <summary>The "waiting" filter's value: cases in a stage where the signed-in member's role has a step to take.</summary>
    internal const string WaitingForMe = "me";

    /// <summary>The "stage" filter's value for every stage, closed included; without a stage, the list holds the open cases.</summary>
    private const string AllStages = "all";

    private static readonly string[] FilterNames = ["receipt", "stage", "path", "provider", "channel", "assigned", "dueBefore", "receivedFrom", "overdue", "waiting", "sort"];

    public static HttpRouteTable AddCaseListConsoleRoutes(this HttpRouteTable routes) => routes
        .Add(StaffConsole.Page(HttpRoute.Get("StaffCaseList", ConsoleRoutes.Cases.TrimStart('/'), ShowAsync)))
        .Add(StaffConsole.Page(HttpRoute.Get("StaffCaseListCsv", ConsoleRoutes.CasesCsv.TrimStart('/'), CsvAsync)));

    private static async Task<IResult> ShowAsync(
        HttpContext context, CaseReadModel readModel, OfficeDirectory offices, StaffDirectory directory, TimeProvider time, IStringLocalizer<ConsoleListText> t,
        IStringLocalizer<ConsoleAssignText> a, PageResponder pages, CancellationToken cancellationToken)
    {
        var pageSize = Math.Max(1, context.RequestServices.GetRequiredService<IConfiguration>().GetValue("StaffConsole:CasesPerPage", DefaultPageSize));
        var rows = new ConsoleCaseRows(t, time);
        var member = StaffConsole.Member(context);
        var staff = await directory.ListAsync(member.Office, cancellationToken);
        var filter = Read(context.Request.Query, t, a, staff);
        var pageNumber = 1;
        if (context.Request.Query["page"] is { Count: > 0 } pageText &&
            (!int.TryParse(pageText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
        {
            pageNumber = 1;
        }

        var found = filter.Errors.Count > 0 ? [] : await FindAsync(context, readModel, offices, time, filter, cancellationToken);
        var pageCount = Math.Max(1, (found.Count + pageSize - 1) / pageSize);
        pageNumber = Math.Min(pageNumber, pageCount);
        var model = new CaseListModel
        {
            Values = filter.Values,
            Errors = filter.Errors,
            Stages = [new("", t["Filter.AnyOpenStage"]), new(AllStages, t["Filter.AllStages"]), .. Enum.GetValues<CaseStage>().Select(s => new FilterOption(s.ToString(), rows.StageName(s)))],
            Paths = [new("", t["Filter.AnyPath"]), .. Enum.GetValues<ComplaintPath>().Select(p => new FilterOption(p.ToString(), rows.PathName(p)))],
            Channels = [new("", t["Filter.AnyChannel"]), .. Enum.GetValues<IntakeChannel>().Select(c => new FilterOption(c.ToString(), rows.ChannelName(c)))],
            Assignees =
            [
                new("", a["Filter.AnyAssignee"]),
                new(AssignedToMe, a["Filter.AssignedToMe"]),
                new(Unassigned, a["Filter.Unassigned"]),
                .. staff.Where(m => m.Id != member.Id).Select(m => new FilterOption(m.Id, m.Name)),
            ],
            Sorts = [new(SortDue, t["Sort.Due"]), new(SortAge, t["Sort.Age"])],
            Rows =
            [
                .. found.Skip((pageNumber - 1) * pageSize).Take(pageSize)
                    .Select(c => rows.Row(c) with { AssignedTo = AssigneeName(c.Assignee, member, a) }),
            ],
            Summary = string.Format(CultureInfo.CurrentCulture, t["List.Summary"], found.Count, pageNumber, pageCount),
            PreviousUrl = pageNumber > 1 ? Address(filter.Values, pageNumber - 1) : null,
            NextUrl = pageNumber < pageCount ? Address(filter.Values, pageNumber + 1) : null,
            CsvUrl = Address(ConsoleRoutes.CasesCsv, filter.Values, null),
        };
        return await pages.RenderAsync<CaseListPage>(
            context,
            new Dictionary<string, object?> { ["Staff"] = StaffConsole.Badge(context), ["Model"] = model },
            filter.Errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>
    /// The whole filtered list as CSV for a spreadsheet: UTF-8 with a byte order mark (Excel reads the encoding from
    /// it), CRLF lines, fields quoted as RFC 4180 says, a header row in the visitor's language. Bad filters answer the
    /// list page with the errors next to the fields, not a broken file.
    /// </summary>
    private static async Task<IResult> CsvAsync(
        HttpContext context, CaseReadModel readModel, OfficeDirectory offices, StaffDirectory directory, TimeProvider time, IStringLocalizer<ConsoleListText> t,
        IStringLocalizer<ConsoleAssignText> a, PageResponder pages, CancellationToken cancellationToken)
    {
        var member = StaffConsole.Member(context);
        var filter = Read(context.Request.Query, t, a, await directory.ListAsync(member.Office, cancellationToken));
        if (filter.Errors.Count > 0)
        {
            return await ShowAsync(context, readModel, offices, directory, time, t, a, pages, cancellationToken);
        }

        var rows = new ConsoleCaseRows(t, time);
        var found = await FindAsync(context, readModel, offices, time, filter, cancellationToken);
        var csv = new StringBuilder();
        Line(csv, [t["Col.Case"], t["Col.Stage"], t["Col.Path"], t["Col.Channel"], t["Col.Provider"], t["Col.Received"], t["Col.Rule"], t["Col.LastDayDate"], t["Col.DaysLeft"], t["Col.Overdue"], a["Col.AssignedTo"]]);
        var now = time.GetUtcNow();
        foreach (var status in found)
        {
            var deadline = status.FirstDeadline;
            var zone = ConsoleCaseRows.Zone(status);
            var left = deadline is null ? (int?)null : deadline.DueDate.DayNumber - rows.Today(status).DayNumber;
            Line(csv,
            [
                CaseIds.ReceiptNumberOf(status.CaseId),
                rows.StageName(status.Stage),
                rows.PathName(status.Path),
                rows.ChannelName(status.Channel),
                status.ProviderName ?? "",
                status.ReceivedAt is { } at ? zone.DateOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                deadline?.RuleId ?? "",
                deadline?.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                left?.ToString(CultureInfo.InvariantCulture) ?? "",
                status.IsOverdue(now) ? t["Csv.Yes"] : t["Csv.No"],
                status.Assignee is null ? "" : $"{status.Assignee.Name} ({status.Assignee.Id})",
            ]);
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        var today = (offices.Find(StaffConsole.Member(context).Office)?.TimeZone ?? OfficeTimeZone.Wib).DateOf(time.GetUtcNow());
        return Results.File(bytes, "text/csv; charset=utf-8", $"perkara-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
    }

    /// <summary>One CSV record: every field quoted when it holds a comma, a quote or a line break (quotes doubled).</summary>
    internal static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(f => f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f));
        csv.Append("\r\n");
    }

    private sealed record Filter(
        Dictionary<string, string> Values,
        Dictionary<string, string> Errors,
        string? Receipt,
        bool AllStages,
        CaseStage? Stage,
        ComplaintPath? Path,
        string? Provider,
        IntakeChannel? Channel,
        string? Assigned,
        DateOnly? DueBefore,
        DateOnly? ReceivedFrom,
        bool Overdue,
        bool WaitingForMe,
        string Sort);

    /// <summary>The filters as entered (kept for the form), parsed; a bad one gets an error in the visitor's language.</summary>
    private static Filter Read(IQueryCollection query, IStringLocalizer<ConsoleListText> t, IStringLocalizer<ConsoleAssignText> a, IReadOnlyList<KnownStaffMember> staff)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in FilterNames)
        {
            if (query[name] is { Count: > 0 } v && v.ToString().Trim() is { Length: > 0 } text)
            {
                values[name] = text;
            }
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        T? Choice<T>(string name, string error)
            where T : struct, Enum
        {
            if (!values.TryGetValue(name, out var text))
            {
                return null;
            }

            if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !text.Any(char.IsDigit))
            {
                return parsed;
            }

            errors[name] = error;
            return null;
        }

        var allStages = values.GetValueOrDefault("stage") == AllStages;
        var stage = allStages ? null : Choice<CaseStage>("stage", t["Error.Stage"]);
        var path = Choice<ComplaintPath>("path", t["Error.Path"]);
        var channel = Choice<IntakeChannel>("channel", t["Error.Channel"]);
        DateOnly? Date(string name)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors[name] = t["Error.Date"];
            return null;
        }

        var dueBefore = Date("dueBefore");
        var receivedFrom = Date("receivedFrom");

        // Me, nobody, or an officer of the office's directory: an id the office does not know lists nothing of use.
        var assigned = values.GetValueOrDefault("assigned");
        if (assigned is not null && assigned is not (AssignedToMe or Unassigned) && !staff.Any(m => m.Id == assigned))
        {
            errors["assigned"] = a["Error.Assigned"];
            assigned = null;
        }

        var sort = values.GetValueOrDefault("sort") ?? SortDue;
        if (sort is not (SortDue or SortAge))
        {
            errors["sort"] = t["Error.Sort"];
        }

        return new Filter(
            values,
            errors,
            values.GetValueOrDefault("receipt"),
            allStages,
            stage,
            path,
            values.GetValueOrDefault("provider"),
            channel,
            assigned,
            dueBefore,
            receivedFrom,
            values.GetValueOrDefault("overdue") == "true",
            values.GetValueOrDefault("waiting") == WaitingForMe,
            sort);
    }

    /// <summary>
    /// The cases the filters ask for, sorted. The table service applies every filter it can (stage, open or not, path,
    /// channel, assignee, overdue, due before, received from) and sends only list columns; the receipt
    /// number and provider, searched as parts of text, and "waiting for my role" are applied here.
    /// </summary>
    private static async Task<List<ListedCase>> FindAsync(
        HttpContext context, CaseReadModel readModel, OfficeDirectory offices, TimeProvider time, Filter filter, CancellationToken cancellationToken)
    {
        var member = StaffConsole.Member(context);
        var zone = offices.Find(member.Office)?.TimeZone ?? OfficeTimeZone.Wib;
        var query = new CaseListQuery
        {
            Stage = filter.Stage,
            OpenOnly = filter.Stage is null && !filter.AllStages,
            Path = filter.Path,
            Channel = filter.Channel,
            AssignedTo = filter.Assigned switch
            {
                null or Unassigned => null,
                AssignedToMe => member.Id,
                var id => id,
            },
            Unassigned = filter.Assigned == Unassigned,
            OverdueAt = filter.Overdue ? time.GetUtcNow() : null,

            // "Due before 15 April": the last day is 14 April or earlier in the office's calendar, so the deadline
            // passes at or before the start of 15 April.
            DueBy = filter.DueBefore is { } before ? zone.StartOf(before) : null,
            ReceivedFrom = filter.ReceivedFrom is { } from ? zone.StartOf(from) : null,
        };
        IEnumerable<ListedCase> cases = await readModel.ListCasesAsync(member.Office, query, cancellationToken);
        if (filter.Receipt is { } receipt)
        {
            cases = cases.Where(c => c.CaseId.Contains(receipt, StringComparison.OrdinalIgnoreCase));
        }

        if (filter.Provider is { } provider)
        {
            cases = cases.Where(c => c.ProviderName?.Contains(provider, StringComparison.OrdinalIgnoreCase) == true);
        }

        if (filter.WaitingForMe)
        {
            cases = cases.Where(c => TodayPages.WaitsFor(member, c));
        }

        return filter.Sort == SortAge
            ? [.. cases.OrderBy(c => c.ReceivedAt ?? DateTimeOffset.MaxValue).ThenBy(c => c.CaseId, StringComparer.Ordinal)]
            : [.. cases.OrderBy(c => c.FirstDeadline?.DueAt ?? DateTimeOffset.MaxValue).ThenBy(c => c.ReceivedAt).ThenBy(c => c.CaseId, StringComparer.Ordinal)];
    }

    /// <summary>Whom a list row names as assigned: the member themselves is "Me (name)".</summary>
    internal static string? AssigneeName(CaseAssignee? assignee, StaffMember member, IStringLocalizer<ConsoleAssignText> a) =>
        assignee is null ? null : assignee.Id == member.Id ? string.Format(CultureInfo.CurrentCulture, a["Assigned.Me"], assignee.Name) : assignee.Name;

    /// <summary>The case list's address with these filters (and a page).</summary>
    internal static string Address(Dictionary<string, string> values, int? page = null) => Address(ConsoleRoutes.Cases, values, page);

    /// <summary>A date as the list's date filters take it.</summary>
    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Address(string path, IReadOnlyDictionary<string, string> values, int? page)
    {
        var query = values.Select(p => KeyValuePair.Create(p.Key, new StringValues(p.Value))).ToList();
        if (page is { } n)
        {
            query.Add(KeyValuePair.Create("page", new StringValues(n.ToString(CultureInfo.InvariantCulture))));
        }

        return path + QueryString.Create(query).ToUriComponent();
    }
}
