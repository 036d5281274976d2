namespace Ombudsman.Workflows.Statute;

/// <summary>
/// How a year with no decree is counted when <see cref="StatuteOptions.ProvisionalYears"/> allows it: weekends and
/// the national holidays whose date never moves. Holidays that follow a lunar or other calendar (Idul Fitri, Nyepi,
/// Waisak, ...) and collective leave are fixed only by the decree, so a provisional deadline may come out earlier than
/// the decree's; it is marked provisional wherever it is shown.
/// </summary>
public static class ProvisionalYear
{
    private static readonly (int Month, int Day, string Name)[] FixedDates =
    [
        (1, 1, "New Year's Day"),
        (5, 1, "Labour Day"),
        (6, 1, "Pancasila Day"),
        (8, 17, "Independence Day"),
        (12, 25, "Christmas Day"),
    ];

    /// <summary>The fixed-date national holiday on a date, or null.</summary>
    public static Holiday? HolidayOn(DateOnly date) =>
        FixedDates.Where(f => f.Month == date.Month && f.Day == date.Day)
            .Select(f => new Holiday { Date = date, Kind = HolidayKind.NationalHoliday, Name = f.Name, Note = "fixed-date holiday, counted provisionally" })
            .FirstOrDefault();

    /// <summary>How an explanation names a year counted provisionally.</summary>
    public static string Label(int year) =>
        $"calendar {year} provisional (no decree published: weekends and fixed-date national holidays only)";
}
