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
