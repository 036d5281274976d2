using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Web.Pages.Staff;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.StaffPages;

/// <summary>
/// The period's report (UU 37/2008 art. 42): reports received and cases closed, deadlines kept, time to closure and
/// the open caseload, of the member's office, or of every office for a national reviewer. Each table can be
/// downloaded as CSV under the same period. Figures are counted by <see cref="OfficeStatistics"/> from the facts the
/// read model keeps on each case.
/// </summary>
internal static class StatisticsPages
{
    /// <summary>Providers listed on the page (the CSV lists them all); the chart shows fewer.</summary>
    private const int ProvidersShown = 20;

    private const int ProvidersCharted = 10;

    /// <summary>A period longer than this is refused: it is a report, not an archive scan.</summary>
    private const int LongestPeriodDays = (5 * 366) + 1;

    private const string DateFormat = "yyyy-MM-dd";

    public static HttpRouteTable AddStatisticsConsoleRoutes(this HttpRouteTable routes) => routes
        .Add(StaffConsole.StatisticsPage(HttpRoute.Get("StaffStatisticsPage", ConsoleRoutes.Statistics.TrimStart('/'), ShowAsync)))
        .Add(StaffConsole.StatisticsPage(HttpRoute.Get("StaffStatisticsCsv", ConsoleRoutes.StatisticsCsv.TrimStart('/'), CsvAsync)));

    /// <summary>The tables, by the id the CSV address names them with.</summary>
    internal static IReadOnlyList<string> TableIds { get; } = ["channel", "path", "provider", "kind", "closed", "days", "ontime", "open"];

    private static async Task<IResult> ShowAsync(
        HttpContext context, string? from, string? to, CaseReadModel readModel, OfficeDirectory offices, TimeProvider time, PageResponder pages,
        IStringLocalizer<ConsoleStatsText> l, CancellationToken cancellationToken)
    {
        var member = StaffConsole.StatisticsReader(context);
        var now = time.GetUtcNow();
        var zone = offices.Find(member.Office)?.TimeZone ?? OfficeTimeZone.Wib;
        var period = ReadPeriod(from, to, zone.DateOf(now), l);
        var scope = member.ReadsAllOffices ? l["Scope.National"].Value : l["Scope.Office", offices.Find(member.Office)?.Name ?? member.Office].Value;
        if (period.Errors.Count > 0)
        {
            return await RenderAsync(context, pages, new StatisticsModel { Scope = scope, From = period.FromText, To = period.ToText, Errors = period.Errors }, StatusCodes.Status400BadRequest);
        }

        var report = await ComputeAsync(readModel, member, period, now, cancellationToken);
        var language = CultureInfo.CurrentUICulture.Name == "en" ? Language.English : Language.Indonesian;
        var culture = language == Language.English ? CultureInfo.InvariantCulture.NumberFormat : IndonesianNumbers;
        var fromText = Iso(report.From);
        var toText = Iso(report.To);
        var model = new StatisticsModel
        {
            Scope = scope,
            From = fromText,
            To = toText,
            Period = l["Period.Showing", NotificationDates.LongDate(report.From, language), NotificationDates.LongDate(report.To, language), NotificationDates.LongDate(zone.DateOf(now), language)],
            Sections = [.. Tables(report, l).Select(t => SectionOf(t, culture, ConsoleRoutes.StatisticsCsvFor(t.Id, fromText, toText), l))],
        };
        return await RenderAsync(context, pages, model, StatusCodes.Status200OK);
    }

    private static async Task<IResult> CsvAsync(
        HttpContext context, string? table, string? from, string? to, CaseReadModel readModel, OfficeDirectory offices, TimeProvider time, PageResponder pages,
        IStringLocalizer<ConsoleStatsText> l, CancellationToken cancellationToken)
    {
        if (table is null || !TableIds.Contains(table, StringComparer.Ordinal))
        {
            return await pages.MessageAsync(context, new MessageModel(l["Title"], l["Table.NotFound"], IsError: true), StatusCodes.Status404NotFound);
        }

        var member = StaffConsole.StatisticsReader(context);
        var now = time.GetUtcNow();
        var zone = offices.Find(member.Office)?.TimeZone ?? OfficeTimeZone.Wib;
        var period = ReadPeriod(from, to, zone.DateOf(now), l);
        if (period.Errors.Count > 0)
        {
            // The download link came from the page with a valid period; a hand-made bad one gets the page's errors.
            return await ShowAsync(context, from, to, readModel, offices, time, pages, l, cancellationToken);
        }

        var report = await ComputeAsync(readModel, member, period, now, cancellationToken);
        var chosen = Tables(report, l).Single(t => t.Id == table);
        var scope = member.ReadsAllOffices ? "all" : member.Office.ToLowerInvariant();
        return Results.File(Csv(chosen, l), "text/csv; charset=utf-8", $"statistics-{scope}-{table}-{Iso(report.From)}-{Iso(report.To)}.csv");
    }

    private static async Task<OfficeStatisticsReport> ComputeAsync(CaseReadModel readModel, Identity.StaffMember member, PeriodInput period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only the member's office partition, unless the member reads every office's figures; and only the cases the
        // period can count: the period's first day begins at most a day before its UTC midnight in every office zone.
        var countedFrom = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var cases = await readModel.ListCaseFactsAsync(member.ReadsAllOffices ? null : member.Office, countedFrom, cancellationToken);
        return OfficeStatistics.Compute(cases, period.From, period.To, now);
    }

    private static Task<IResult> RenderAsync(HttpContext context, PageResponder pages, StatisticsModel model, int status) =>
        pages.RenderAsync<StatisticsPage>(context, new Dictionary<string, object?> { ["Model"] = model, ["Staff"] = StaffConsole.Badge(context) }, status);

    private sealed record PeriodInput(DateOnly From, DateOnly To, string FromText, string ToText, Dictionary<string, string> Errors);

    /// <summary>The period asked for: both dates, or neither (the current month in the office's zone).</summary>
    private static PeriodInput ReadPeriod(string? from, string? to, DateOnly today, IStringLocalizer<ConsoleStatsText> l)
    {
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            var last = firstOfMonth.AddMonths(1).AddDays(-1);
            return new PeriodInput(firstOfMonth, last, Iso(firstOfMonth), Iso(last), []);
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var fromText = from?.Trim() ?? "";
        var toText = to?.Trim() ?? "";
        if (!DateOnly.TryParseExact(fromText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var fromDate))
        {
            errors["from"] = l["Period.BadDate"];
        }

        if (!DateOnly.TryParseExact(toText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var toDate))
        {
            errors["to"] = l["Period.BadDate"];
        }
        else if (errors.Count == 0 && toDate < fromDate)
        {
            errors["to"] = l["Period.ToBeforeFrom"];
        }
        else if (errors.Count == 0 && toDate.DayNumber - fromDate.DayNumber > LongestPeriodDays)
        {
            errors["to"] = l["Period.TooLong"];
        }

        return new PeriodInput(fromDate, toDate, fromText, toText, errors);
    }

    /// <summary>One table: each row a code (stable, for machines), a label and its figures; one figure may be charted.</summary>
    private sealed record StatsTable(
        string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<StatsRow> Rows, int? ChartFigure = null, string? Summary = null, string? Hint = null, int? RowsShown = null, string? Note = null);

    private sealed record StatsRow(string Code, string Label, IReadOnlyList<Figure> Figures);

    /// <summary>A figure: a count, or a measure with a decimal; null when there is nothing to measure.</summary>
    private sealed record Figure(double? Value, bool Percent = false)
    {
        public static implicit operator Figure(int value) => new((double?)value, Percent: false);

        /// <summary>For people: in their language's numbers, a percentage with its sign, a dash for nothing.</summary>
        public string ForPage(IFormatProvider numbers) => Value is { } v ? v.ToString("0.#", numbers) + (Percent ? "%" : "") : "–";

        /// <summary>For machines: culture-free numbers, a percentage as its number, empty for nothing.</summary>
        public string ForCsv() => Value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "";
    }

    private static List<StatsTable> Tables(OfficeStatisticsReport r, IStringLocalizer<ConsoleStatsText> l)
    {
        var count = l["Col.Count"].Value;
        var bands = Enum.GetValues<AgeBand>();
        var moreProviders = r.ByProvider.Count > ProvidersShown;
        return
        [
            new("channel", l["Received.Channel"], [l["Col.Channel"], count],
                [.. r.ByChannel.Select(p => new StatsRow(p.Key.ToString(), ChannelName(l, p.Key), [p.Value]))], 0,
                Summary: l["Received.Total", r.Received]),
            new("path", l["Received.Path"], [l["Col.Path"], count], [.. r.ByPath.Select(p => new StatsRow(p.Key.ToString(), PathName(l, p.Key), [p.Value]))], 0),
            new("kind", l["Received.Kind"], [l["Col.Kind"], count], [.. r.ByProviderKind.Select(p => new StatsRow(p.Key.ToString(), KindName(l, p.Key), [p.Value]))], 0),
            new("provider", l["Received.Provider"], [l["Col.Provider"], count], [.. r.ByProvider.Select(p => new StatsRow(p.Key, p.Key, [p.Value]))], 0,
                RowsShown: ProvidersShown, Note: moreProviders ? l["Received.ProviderTop", ProvidersShown, r.ByProvider.Count].Value : null),
            new("closed", l["Closed.Reason"], [l["Col.Reason"], count], [.. r.ClosedByReason.Select(p => new StatsRow(p.Key.ToString(), ReasonName(l, p.Key), [p.Value]))], 0,
                Summary: l["Closed.Total", r.Closed]),
            new("days", l["Days.Title"], [l["Col.Measure"], l["Col.Value"]],
                [
                    new("closed", l["Days.Closed"], [r.DaysToClose.Count]),
                    new("median", l["Days.Median"], [new Figure(r.DaysToClose.Median)]),
                    new("p90", l["Days.P90"], [new Figure(r.DaysToClose.Percentile90)]),
                ],
                Hint: l["Days.Hint"]),
            new("ontime", l["OnTime.Title"], [l["Col.Rule"], l["Col.Met"], l["Col.Late"], l["Col.OpenOverdue"], l["Col.Running"], l["Col.Rate"]],
                [.. r.OnTime.Select(o => new StatsRow(o.RuleId, o.RuleId, [o.Met, o.Late, o.OpenOverdue, o.Running, new Figure(o.Rate is { } rate ? Math.Round(rate * 100, 1) : null, Percent: true)]))], 4,
                Hint: l["OnTime.Hint"]),
            new("open", l["Open.Title"], [l["Col.Stage"], .. bands.Select(b => BandName(l, b)), l["Col.Total"]],
                [.. r.OpenByStage.Select(s => new StatsRow(s.Key.ToString(), StageName(l, s.Key), [.. s.Value.Select(n => (Figure)n), s.Value.Sum()]))], bands.Length,
                Summary: l["Open.Total", r.Open], Hint: l["Open.Hint"]),
        ];
    }

    private static StatisticsSection SectionOf(StatsTable t, IFormatProvider culture, string csvUrl, IStringLocalizer<ConsoleStatsText> l)
    {
        // An empty period shows "nothing in this period" rather than a table of zeros.
        var rows = t.Rows.All(r => r.Figures.All(f => f.Value is null or 0)) ? [] : t.Rows.Take(t.RowsShown ?? int.MaxValue).ToList();
        var charted = t.ChartFigure is { } i
            ? rows.Take(t.Id == "provider" ? ProvidersCharted : int.MaxValue)
                .Select(r => new ChartBar(r.Label, r.Figures[i].Value ?? 0, r.Figures[i].ForPage(culture)))
                .ToList()
            : [];
        return new StatisticsSection
        {
            Id = t.Id,
            Title = t.Title,
            Summary = t.Summary,
            Hint = t.Hint,
            CsvUrl = csvUrl,
            Columns = t.Columns,
            Rows = [.. rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Figures.Select(f => f.ForPage(culture))])],
            Note = t.Note,
            Chart = charted,
        };
    }

    /// <summary>
    /// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes doubled; UTF-8
    /// with a byte order mark so spreadsheet programs read Indonesian text right. Names typed by the public (a
    /// provider) that start like a formula are prefixed with an apostrophe so a spreadsheet shows them as text.
    /// Numbers are written without culture (a dot for decimals, percentages as numbers).
    /// </summary>
    private static byte[] Csv(StatsTable t, IStringLocalizer<ConsoleStatsText> l)
    {
        var text = new StringBuilder();
        void Line(IEnumerable<string> fields) => text.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
        Line([l["Col.Code"], .. t.Columns]);
        foreach (var row in t.Rows)
        {
            Line([row.Code, row.Label, .. row.Figures.Select(f => f.ForCsv())]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Iso(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Numbers as Indonesian writes them (a decimal comma): the app runs with invariant globalization.</summary>
    private static readonly NumberFormatInfo IndonesianNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    private static string ChannelName(IStringLocalizer<ConsoleStatsText> l, IntakeChannel channel) => channel switch
    {
        IntakeChannel.Online => l["Channel.Online"],
        IntakeChannel.WalkIn => l["Channel.WalkIn"],
        IntakeChannel.WhatsApp => l["Channel.WhatsApp"],
        IntakeChannel.Phone => l["Channel.Phone"],
        IntakeChannel.Letter => l["Channel.Letter"],
        IntakeChannel.Outreach => l["Channel.Outreach"],
        _ => channel.ToString(),
    };

    private static string PathName(IStringLocalizer<ConsoleStatsText> l, ComplaintPath path) => path switch
    {
        ComplaintPath.Provider => l["Path.Provider"],
        ComplaintPath.Ombudsman => l["Path.Ombudsman"],
        _ => path.ToString(),
    };

    private static string KindName(IStringLocalizer<ConsoleStatsText> l, ProviderKind kind) => kind switch
    {
        ProviderKind.ImplementingOfficer => l["Kind.ImplementingOfficer"],
        ProviderKind.GovernmentUnit => l["Kind.GovernmentUnit"],
        ProviderKind.Corporation => l["Kind.Corporation"],
        _ => kind.ToString(),
    };

    private static string ReasonName(IStringLocalizer<ConsoleStatsText> l, CaseClosedReason reason) => reason switch
    {
        CaseClosedReason.Withdrawn => l["Reason.Withdrawn"],
        CaseClosedReason.DeemedWithdrawn => l["Reason.DeemedWithdrawn"],
        CaseClosedReason.Rejected => l["Reason.Rejected"],
        CaseClosedReason.NoAuthority => l["Reason.NoAuthority"],
        CaseClosedReason.Resolved => l["Reason.Resolved"],
        CaseClosedReason.Decided => l["Reason.Decided"],
        CaseClosedReason.Referred => l["Reason.Referred"],
        CaseClosedReason.Unresolved => l["Reason.Unresolved"],
        CaseClosedReason.ExaminationStopped => l["Reason.ExaminationStopped"],
        _ => reason.ToString(),
    };

    private static string StageName(IStringLocalizer<ConsoleStatsText> l, CaseStage stage) => stage switch
    {
        CaseStage.Received => l["Stage.Received"],
        CaseStage.CompletenessCheck => l["Stage.CompletenessCheck"],
        CaseStage.CureWindow => l["Stage.CureWindow"],
        CaseStage.Routing => l["Stage.Routing"],
        CaseStage.Examination => l["Stage.Examination"],
        CaseStage.Mediation => l["Stage.Mediation"],
        CaseStage.SpecialAdjudication => l["Stage.SpecialAdjudication"],
        CaseStage.Delivery => l["Stage.Delivery"],
        CaseStage.CompensationPayment => l["Stage.CompensationPayment"],
        CaseStage.CorrectiveActions => l["Stage.CorrectiveActions"],
        CaseStage.RecommendationMonitoring => l["Stage.RecommendationMonitoring"],
        CaseStage.AgreementMonitoring => l["Stage.AgreementMonitoring"],
        CaseStage.ResolutionMonitoring => l["Stage.ResolutionMonitoring"],
        CaseStage.Closed => l["Stage.Closed"],
        _ => stage.ToString(),
    };

    private static string BandName(IStringLocalizer<ConsoleStatsText> l, AgeBand band) => band switch
    {
        AgeBand.UpTo14Days => l["Band.UpTo14"],
        AgeBand.UpTo30Days => l["Band.UpTo30"],
        AgeBand.UpTo60Days => l["Band.UpTo60"],
        AgeBand.UpTo90Days => l["Band.UpTo90"],
        _ => l["Band.Over90"],
    };
}
