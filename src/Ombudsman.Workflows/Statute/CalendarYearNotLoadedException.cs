namespace Ombudsman.Workflows.Statute;

/// <summary>A working-day question reached a year whose holidays and collective leave are not loaded.</summary>
public sealed class CalendarYearNotLoadedException : Exception
{
    public CalendarYearNotLoadedException(int year, IReadOnlyList<int> loadedYears)
        : base($"No holiday calendar is loaded for {year} (loaded: {(loadedYears.Count == 0 ? "none" : string.Join(", ", loadedYears))}). "
            + $"Publish the year's SKB 3 Menteri (POST /api/statute/calendars/{year}) or add holidays/{year}.json to the statute data "
            + $"directory, or set {StatuteOptions.SectionName}:{nameof(StatuteOptions.ProvisionalYears)}=true to count it provisionally.")
    {
        Year = year;
        LoadedYears = loadedYears;
    }

    public int Year { get; }

    public IReadOnlyList<int> LoadedYears { get; }
}
