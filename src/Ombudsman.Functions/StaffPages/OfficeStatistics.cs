using System.Globalization;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.StaffPages;

/// <summary>How old an open case is, in days since its receipt.</summary>
internal enum AgeBand
{
    UpTo14Days,
    UpTo30Days,
    UpTo60Days,
    UpTo90Days,
    Over90Days,
}

/// <summary>How the deadlines of one statutory rule that fell due in the period went.</summary>
internal sealed record RuleOnTime(string RuleId, int Met, int Late, int OpenOverdue, int Running)
{
    /// <summary>Met out of those that are decided or overdue (running ones are not counted yet); null when none are.</summary>
    public double? Rate => Met + Late + OpenOverdue is var counted && counted > 0 ? (double)Met / counted : null;
}

/// <summary>Days from receipt to closure of the cases closed in the period.</summary>
internal sealed record ClosureDays(int Count, double? Median, int? Percentile90);

/// <summary>The figures of a period's report, for one office or for all.</summary>
internal sealed record OfficeStatisticsReport
{
    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public required int Received { get; init; }

    public required IReadOnlyList<KeyValuePair<IntakeChannel, int>> ByChannel { get; init; }

    public required IReadOnlyList<KeyValuePair<ComplaintPath, int>> ByPath { get; init; }

    /// <summary>Providers by the number of reports about them, most first.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> ByProvider { get; init; }

    public required IReadOnlyList<KeyValuePair<ProviderKind, int>> ByProviderKind { get; init; }

    public required int Closed { get; init; }

    public required IReadOnlyList<KeyValuePair<CaseClosedReason, int>> ClosedByReason { get; init; }

    public required IReadOnlyList<RuleOnTime> OnTime { get; init; }

    public required ClosureDays DaysToClose { get; init; }

    /// <summary>Open cases (now) per stage, each with its count per <see cref="AgeBand"/> (indexed by the band).</summary>
    public required IReadOnlyList<KeyValuePair<CaseStage, int[]>> OpenByStage { get; init; }

    public int Open => OpenByStage.Sum(s => s.Value.Sum());
}

/// <summary>
/// Counts a period's report from the facts recorded on cases. Pure: the same cases, period and instant give the
/// same figures. Every date is the date in the case's own office zone, so a national report counts each case by the
/// calendar of the office that received it, and the period [From, To] includes both days.
/// </summary>
internal static class OfficeStatistics
{
    public static OfficeStatisticsReport Compute(IEnumerable<CaseFacts> cases, DateOnly from, DateOnly to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var all = cases.ToList();
        bool InPeriod(DateOnly day) => day >= from && day <= to;

        // Received: the cases whose receipt falls in the period (a case not yet through intake has no receipt).
        var received = all.Where(c => c.ReceivedAt is { } at && InPeriod(LocalDate(c, at))).ToList();

        // Closed: the cases that closed in the period, whenever they were received.
        var closed = all.Where(c => c.ClosedAt is { } at && c.ClosedReason is not null && InPeriod(LocalDate(c, at))).ToList();
        var days = closed.Where(c => c.ReceivedAt is not null)
            .Select(c => LocalDate(c, c.ClosedAt!.Value).DayNumber - LocalDate(c, c.ReceivedAt!.Value).DayNumber)
            .Order()
            .ToList();

        var open = all.Where(c => c.Stage != CaseStage.Closed && c.ReceivedAt is not null).ToList();

        return new OfficeStatisticsReport
        {
            From = from,
            To = to,
            Received = received.Count,
            ByChannel = CountEvery(received, c => c.Channel),
            ByPath = CountEvery(received, c => c.Path),
            ByProvider = [.. received
                .Where(c => !string.IsNullOrWhiteSpace(c.ProviderName))
                .GroupBy(c => c.ProviderName!.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(g => new KeyValuePair<string, int>(g.First().ProviderName!.Trim(), g.Count()))
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key, StringComparer.OrdinalIgnoreCase)],
            ByProviderKind = CountEvery(received.Where(c => c.ProviderKind is not null), c => c.ProviderKind!.Value),
            Closed = closed.Count,
            ClosedByReason = CountEvery(closed, c => c.ClosedReason!.Value),
            OnTime = OnTime(all, InPeriod, now),
            DaysToClose = new ClosureDays(days.Count, Median(days), Percentile(days, 90)),
            OpenByStage = [.. Enum.GetValues<CaseStage>()
                .Where(s => s != CaseStage.Closed)
                .Select(stage => new KeyValuePair<CaseStage, int[]>(stage, Bands(open.Where(c => c.Stage == stage), now)))],
        };
    }

    /// <summary>
    /// On time per statutory rule, over the deadlines whose last day falls in the period. A case records each
    /// deadline it starts (<see cref="CaseStatus.Deadlines"/>): its timer being stopped is its step being done
    /// (<see cref="DeadlineRecord.DoneAt"/>), the timer firing is the deadline passing (<see cref="DeadlineRecord.PassedAt"/>),
    /// and the stage's consequence flagging the case overdue (the same moment it lands in <see cref="CaseStatus.OverdueRules"/>
    /// and the timeline's overdue entry) marks the passing as the office's failure. So a deadline is
    /// met when its step was done before it passed; late when it passed as overdue and the step was done after (or the
    /// case closed without it); still open and overdue when it passed as overdue (or is past its last day without the
    /// sweeper having raised it yet) and the step is still not done; running while not yet due. Two kinds are not
    /// counted: a deadline that passed without being the office's failure (a party's time limit running out with its
    /// legal consequence, e.g. the cure window ending in "deemed withdrawn"), and one the case's closing ended while
    /// it still ran (its step was no longer needed).
    /// </summary>
    private static List<RuleOnTime> OnTime(List<CaseFacts> cases, Func<DateOnly, bool> inPeriod, DateTimeOffset now)
    {
        var tally = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            foreach (var d in c.Deadlines)
            {
                // The deadline's instant is the start of the day after its last day.
                if (!inPeriod(LocalDate(c, d.DueAt.AddTicks(-1))) || Outcome(c, d, now) is not { } outcome)
                {
                    continue;
                }

                if (!tally.TryGetValue(d.RuleId, out var counts))
                {
                    tally[d.RuleId] = counts = new int[4];
                }

                counts[outcome]++;
            }
        }

        return [.. tally
            .OrderBy(t => t.Key[..1], StringComparer.Ordinal)
            .ThenBy(t => int.TryParse(t.Key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new RuleOnTime(t.Key, t.Value[Met], t.Value[Late], t.Value[OpenOverdue], t.Value[Running]))];
    }

    private const int Met = 0;
    private const int Late = 1;
    private const int OpenOverdue = 2;
    private const int Running = 3;

    private static int? Outcome(CaseFacts c, DeadlineRecord d, DateTimeOffset now)
    {
        if (d.PassedAt is not null && !d.Overdue)
        {
            return null;
        }

        if (d.Overdue)
        {
            return d.DoneAt is not null || c.Stage == CaseStage.Closed ? Late : OpenOverdue;
        }

        if (d.DoneAt is { } done)
        {
            return done < d.DueAt ? Met : Late;
        }

        if (d.EndedWithCase)
        {
            return null;
        }

        return d.DueAt <= now ? OpenOverdue : Running;
    }

    private static int[] Bands(IEnumerable<CaseFacts> cases, DateTimeOffset now)
    {
        var bands = new int[Enum.GetValues<AgeBand>().Length];
        foreach (var c in cases)
        {
            bands[(int)BandOf(LocalDate(c, now).DayNumber - LocalDate(c, c.ReceivedAt!.Value).DayNumber)]++;
        }

        return bands;
    }

    public static AgeBand BandOf(int days) => days switch
    {
        <= 14 => AgeBand.UpTo14Days,
        <= 30 => AgeBand.UpTo30Days,
        <= 60 => AgeBand.UpTo60Days,
        <= 90 => AgeBand.UpTo90Days,
        _ => AgeBand.Over90Days,
    };

    /// <summary>The middle value; with an even count, the mean of the two middle values.</summary>
    public static double? Median(IReadOnlyList<int> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0,
    };

    /// <summary>The nearest-rank percentile: the smallest value at least <paramref name="percent"/>% of the values do not exceed.</summary>
    public static int? Percentile(IReadOnlyList<int> sorted, int percent) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];

    /// <summary>Every value of the enum with its count, zeros included, in the enum's order.</summary>
    private static List<KeyValuePair<T, int>> CountEvery<T>(IEnumerable<CaseFacts> cases, Func<CaseFacts, T> key)
        where T : struct, Enum
    {
        var counts = cases.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());
        return [.. Enum.GetValues<T>().Select(v => new KeyValuePair<T, int>(v, counts.GetValueOrDefault(v)))];
    }

    private static DateOnly LocalDate(CaseFacts c, DateTimeOffset instant) =>
        OfficeTimeZone.FromCode(c.OfficeTimeZone).DateOf(instant);
}
