namespace Ombudsman.Workflows.Statute;

/// <summary>
/// The working-day calendar: weekends plus each loaded year's national holidays and collective leave.
/// Asking about a year that is not loaded throws <see cref="CalendarYearNotLoadedException"/>; it never guesses.
/// </summary>
public sealed class LegalCalendar
{
    private readonly Dictionary<int, HolidayYear> _years;
    private readonly Dictionary<DateOnly, Holiday> _days;

    public LegalCalendar(IEnumerable<HolidayYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        Years = [.. years.OrderBy(y => y.Year)];
        _years = Years.ToDictionary(y => y.Year);
        _days = Years.SelectMany(y => y.Days).ToDictionary(d => d.Date);
    }

    /// <summary>Every loaded year, in order.</summary>
    public IReadOnlyList<HolidayYear> Years { get; }

    public bool IsLoaded(int year) => _years.ContainsKey(year);

    /// <summary>The loaded year, or null.</summary>
    public HolidayYear? Year(int year) => _years.GetValueOrDefault(year);

    /// <summary>
    /// This calendar with published versions laid over it: for each year, the latest published version replaces the
    /// data file (or supplies a year that has none).
    /// </summary>
    public LegalCalendar WithPublished(IEnumerable<HolidayYear> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var latest = published.GroupBy(y => y.Year).Select(g => g.MaxBy(y => y.Version)!).ToDictionary(y => y.Year);
        return latest.Count == 0 ? this : new LegalCalendar(Years.Where(y => !latest.ContainsKey(y.Year)).Concat(latest.Values));
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The holiday or collective leave on a date, or null; throws when the date's year is not loaded.</summary>
    public Holiday? HolidayOn(DateOnly date)
    {
        EnsureLoaded(date.Year);
        return _days.GetValueOrDefault(date);
    }

    /// <summary>False on weekends, holidays and collective leave; throws when the date's year is not loaded.</summary>
    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && HolidayOn(date) is null;

    private void EnsureLoaded(int year)
    {
        if (!_years.ContainsKey(year))
        {
            throw new CalendarYearNotLoadedException(year, Years.Select(y => y.Year).ToList());
        }
    }
}
