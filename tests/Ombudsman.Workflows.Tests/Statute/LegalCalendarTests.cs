using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Statute.StatuteFixtures;

namespace Ombudsman.Workflows.Tests.Statute;

/// <summary>Working days: weekends, national holidays and collective leave from the shipped 2025 and 2026 data.</summary>
public sealed class LegalCalendarTests
{
    [Theory]
    [InlineData("2026-03-18", false)] // collective leave, Nyepi
    [InlineData("2026-03-19", false)] // Nyepi
    [InlineData("2026-03-20", false)] // collective leave, Idul Fitri
    [InlineData("2026-03-25", true)]
    [InlineData("2026-03-21", false)] // Saturday and Idul Fitri
    [InlineData("2025-08-18", false)] // collective leave added by amendment
    [InlineData("2025-08-19", true)]
    [InlineData("2025-12-26", false)]
    [InlineData("2026-12-24", false)]
    [InlineData("2026-12-28", true)]
    public void Weekends_holidays_and_collective_leave_are_not_working_days(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(Date(date)));
    }

    [Fact]
    public void Each_shipped_year_names_its_decree_and_has_the_days_of_the_statute_table()
    {
        Assert.Equal([2025, 2026], Calendar.Years.Select(y => y.Year));
        Assert.All(Calendar.Years, y => Assert.Contains("SKB 3 Menteri", y.Decree, StringComparison.Ordinal));
        Assert.Equal(17, Calendar.Years[0].Days.Count(d => d.Kind == HolidayKind.NationalHoliday));
        Assert.Equal(11, Calendar.Years[0].Days.Count(d => d.Kind == HolidayKind.CollectiveLeave));
        Assert.Equal(17, Calendar.Years[1].Days.Count(d => d.Kind == HolidayKind.NationalHoliday));
        Assert.Equal(8, Calendar.Years[1].Days.Count(d => d.Kind == HolidayKind.CollectiveLeave));
    }

    [Fact]
    public void A_year_that_is_not_loaded_is_never_guessed()
    {
        var error = Assert.Throws<CalendarYearNotLoadedException>(() => Calendar.IsWorkingDay(Date("2027-01-04")));

        Assert.Equal(2027, error.Year);
    }

    [Fact]
    public void An_administrator_adds_a_year_through_the_data_directory()
    {
        var directory = Directory.CreateTempSubdirectory("statute-data-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "holidays"));
            File.WriteAllText(
                Path.Combine(directory.FullName, "holidays", "2027.json"),
                """
                {
                  "year": 2027,
                  "decree": "Test decree for 2027",
                  "days": [
                    { "date": "2027-01-01", "kind": "holiday", "name": "New Year's Day" }
                  ]
                }
                """);

            var data = StatuteDataLoader.Load(new StatuteOptions { DataDirectory = directory.FullName });
            var deadline = Calculator(calendar: data.Calendar).Compute(ShippedRuleSet["O4"], Date("2026-12-15"), OfficeTimeZone.Wit);

            Assert.True(data.Calendar.IsLoaded(2027));
            Assert.False(data.Calendar.IsWorkingDay(Date("2027-01-01")));
            Assert.Equal(Date("2027-01-07"), deadline.DueDate);
            Assert.Empty(deadline.WeekendOnlyFallbackYears);
            Assert.EndsWith("2027.json", data.Calendar.Years[^1].Source, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
