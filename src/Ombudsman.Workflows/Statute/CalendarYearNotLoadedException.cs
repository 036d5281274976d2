namespace Ombudsman.Workflows.Statute;

/// <summary>A working-day question reached a year whose holidays and collective leave are not loaded.</summary>
public sealed class CalendarYearNotLoadedException : Exception
{
    public CalendarYearNotLoadedException(int year, IReadOnlyList<int> loadedYears)
        : base($"No holiday calendar is loaded for {year} (loaded: {(loadedYears.Count == 0 ? "none" : string.Join(", ", loadedYears))}). "
            + $"Add holidays/{year}.json with the year's SKB 3 Menteri to the statute data directory, or set "
            + $"{StatuteOptions.SectionName}:{nameof(StatuteOptions.AllowWeekendOnlyFallback)}=true to count weekends only.")
    {
        Year = year;
        LoadedYears = loadedYears;
    }

    public int Year { get; }

    public IReadOnlyList<int> LoadedYears { get; }
}
