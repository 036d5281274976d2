using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// A holiday calendar version an administrator published (a year's SKB 3 Menteri or its amendment), as a case is told
/// of it: enough to recount the deadlines that went through the year and to cite the decree on the timeline.
/// </summary>
public sealed record CalendarPublication
{
    public required int Year { get; init; }

    /// <summary>1, 2, ... (0 is a data file, never published).</summary>
    public required int Version { get; init; }

    public required string DecreeNumber { get; init; }

    public required DateOnly DecreeDate { get; init; }

    /// <summary>When it was published, by the app's clock.</summary>
    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>"calendar 2027 v1, SKB No. 1/2026 of 2026-09-15", as deadline explanations name it.</summary>
    public string Label => $"calendar {Year} v{Version}, {HolidayYear.Citation(DecreeNumber, DecreeDate)}";

    public static CalendarPublication Of(HolidayYear published)
    {
        ArgumentNullException.ThrowIfNull(published);
        return new CalendarPublication
        {
            Year = published.Year,
            Version = published.Version,
            DecreeNumber = published.DecreeNumber ?? throw new ArgumentException("a data file year is not a publication", nameof(published)),
            DecreeDate = published.DecreeDate ?? throw new ArgumentException("a data file year is not a publication", nameof(published)),
            PublishedAt = published.PublishedAt ?? throw new ArgumentException("a publication has its instant", nameof(published)),
        };
    }

    /// <summary>
    /// Whether a deadline counted this way went through the year with an earlier calendar: provisionally (no decree)
    /// or with an older version. One counted with this version or a later one is already up to date.
    /// </summary>
    public bool Concerns(IReadOnlyList<int> provisionalYears, IReadOnlyList<CalendarVersionUsed> calendarVersions)
    {
        ArgumentNullException.ThrowIfNull(provisionalYears);
        ArgumentNullException.ThrowIfNull(calendarVersions);
        return provisionalYears.Contains(Year) || calendarVersions.Any(v => v.Year == Year && v.Version < Version);
    }
}
