using System.Text.Json;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Statute.StatuteFixtures;

namespace Ombudsman.Workflows.Tests.Statute;

/// <summary>
/// A year's calendar published through the API: validated like a data file, laid over the data files as the year's
/// latest version, and named in every explanation. The decrees here are made up for the tests; they are not the real
/// SKB 3 Menteri and their days are not the real holidays.
/// </summary>
public sealed class PublishedCalendarTests
{
    private const string TestDecree = "TEST-ONLY 999/2026 (made-up test decree)";

    private static HolidayYear Parse(int year, string json, List<StatuteDataProblem> problems)
    {
        using var document = JsonDocument.Parse(json);
        return StatuteDataLoader.ParsePublishedYear(year, document.RootElement, problems)!;
    }

    private static HolidayYear Published(int year, int version, params (string Date, HolidayKind Kind)[] days) => new()
    {
        Year = year,
        Version = version,
        DecreeNumber = TestDecree,
        DecreeDate = Date("2026-09-15"),
        Decree = HolidayYear.Citation(TestDecree, Date("2026-09-15")),
        Source = $"published version {version}",
        Days = [.. days.Select(d => new Holiday { Date = Date(d.Date), Kind = d.Kind, Name = "Test day" })],
    };

    [Fact]
    public void A_valid_publication_becomes_a_year_citing_its_decree()
    {
        var problems = new List<StatuteDataProblem>();

        var year = Parse(2027, $$"""
            { "decreeNumber": "{{TestDecree}}", "decreeDate": "2026-09-15",
              "days": [ { "date": "2027-01-01", "kind": "holiday", "name": "New Year's Day" },
                        { "date": "2027-01-04", "kind": "collective-leave", "name": "Test leave", "note": "made up" } ] }
            """, problems);

        Assert.Empty(problems);
        Assert.Equal(2027, year.Year);
        Assert.Equal($"SKB No. {TestDecree} of 2026-09-15", year.Decree);
        Assert.Equal([Date("2027-01-01"), Date("2027-01-04")], year.Days.Select(d => d.Date));
        Assert.Equal(HolidayKind.CollectiveLeave, year.Days[1].Kind);
    }

    [Fact] // The same checks as a data file's, every problem at once
    public void An_invalid_publication_reports_every_problem_at_once_with_its_field()
    {
        var problems = new List<StatuteDataProblem>();

        var year = Parse(2027, """
            { "decreeDate": "15-09-2026", "year": 2028, "extra": true,
              "days": [ { "date": "2026-12-31", "kind": "holiday", "name": "Wrong year" },
                        { "date": "2027-03-10", "kind": "holiday", "name": "Test day" },
                        { "date": "2027-03-10", "kind": "collective-leave", "name": "Test day" },
                        { "date": "2027-05-03", "kind": "bridge-day" } ] }
            """, problems);

        Assert.Null(year);
        Assert.Equal(
            ["extra", "year", "decreeNumber", "decreeDate", "days[0].date", "days[2].date", "days[3].kind", "days[3].name"],
            problems.Select(p => p.Field));
        Assert.Contains("outside the file's year 2027", problems.Single(p => p.Field == "days[0].date").Message, StringComparison.Ordinal);
        Assert.Contains("overlaps days[1]", problems.Single(p => p.Field == "days[2].date").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_latest_published_version_replaces_the_data_file_and_the_explanation_names_it()
    {
        // Version 1 adds a made-up holiday on Wednesday 18 March 2026; version 2 also one on Monday 30 March.
        var v1 = Published(2026, 1, ("2026-03-18", HolidayKind.NationalHoliday));
        var v2 = Published(2026, 2, ("2026-03-18", HolidayKind.NationalHoliday), ("2026-03-30", HolidayKind.NationalHoliday));
        var calendar = Calendar.WithPublished([v2, v1]);

        var deadline = Calculator(calendar: calendar).Compute(ShippedRuleSet["O4"], Date("2026-03-16"), OfficeTimeZone.Wib);

        // Only v2's two days are off: Idul Fitri and Good Friday of the data file no longer apply in this test calendar.
        Assert.Equal(2, calendar.Year(2026)!.Version);
        Assert.Equal(Date("2026-04-07"), deadline.DueDate);
        Assert.Equal([new CalendarVersionUsed(2026, 2)], deadline.CalendarVersions);
        Assert.Contains($"counted with calendar 2026 v2, SKB No. {TestDecree} of 2026-09-15", deadline.Explanation, StringComparison.Ordinal);
        Assert.Equal(0, Calendar.Year(2026)!.Version);
    }

    [Fact]
    public void A_published_year_that_has_no_data_file_is_counted_with_and_named()
    {
        var calendar = Calendar.WithPublished([Published(2027, 1, ("2027-01-01", HolidayKind.NationalHoliday), ("2027-01-04", HolidayKind.CollectiveLeave))]);

        var deadline = Calculator(calendar: calendar).Compute(ShippedRuleSet["O4"], Date("2026-12-21"), OfficeTimeZone.Wib);

        // 6 working days in December 2026 (24 and 25 off), then 2027 without 1 and 4 January: the 14th is 14 January.
        Assert.Equal(Date("2027-01-14"), deadline.DueDate);
        Assert.Equal([new CalendarVersionUsed(2026, 0), new CalendarVersionUsed(2027, 1)], deadline.CalendarVersions);
        Assert.False(deadline.IsProvisional);
        Assert.Contains("calendar 2026 v0 (data file holidays/2026.json), calendar 2027 v1, SKB No.", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact] // Statute:ProvisionalYears: weekends and the fixed-date national holidays, marked provisional
    public void A_year_without_a_decree_is_counted_provisionally_with_the_fixed_date_holidays()
    {
        var deadline = Calculator(provisionalYears: true).Compute(ShippedRuleSet["O4"], Date("2026-12-21"), OfficeTimeZone.Wib);

        // 6 working days in December 2026, then 1 January 2027 (fixed-date) is skipped: the 14th is 13 January.
        Assert.Equal(Date("2027-01-13"), deadline.DueDate);
        Assert.Equal([2027], deadline.ProvisionalYears);
        Assert.True(deadline.IsProvisional);
        Assert.Empty(deadline.WeekendOnlyFallbackYears);
        Assert.Equal([new CalendarVersionUsed(2026, 0)], deadline.CalendarVersions);
        Assert.Contains("calendar 2027 provisional (no decree published: weekends and fixed-date national holidays only)", deadline.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-01-01", true)]
    [InlineData("2027-05-01", true)]
    [InlineData("2027-06-01", true)]
    [InlineData("2027-08-17", true)]
    [InlineData("2027-12-25", true)]
    [InlineData("2027-12-24", false)]
    [InlineData("2027-03-10", false)]
    public void The_provisional_holidays_are_the_five_fixed_dates(string date, bool holiday)
    {
        Assert.Equal(holiday, ProvisionalYear.HolidayOn(Date(date)) is { Kind: HolidayKind.NationalHoliday });
    }

    [Fact] // With the setting off, as before it: the count stops at the missing year
    public void With_provisional_years_off_a_missing_year_still_fails()
    {
        Assert.Throws<CalendarYearNotLoadedException>(
            () => Calculator(provisionalYears: false).Compute(ShippedRuleSet["O4"], Date("2026-12-21"), OfficeTimeZone.Wib));
    }

    [Fact] // A published year is not provisional even with the setting on
    public void A_published_year_is_not_counted_provisionally()
    {
        var calendar = Calendar.WithPublished([Published(2027, 1)]);

        var deadline = Calculator(calendar: calendar, provisionalYears: true).Compute(ShippedRuleSet["O4"], Date("2026-12-21"), OfficeTimeZone.Wib);

        Assert.False(deadline.IsProvisional);
        Assert.Equal(Date("2027-01-12"), deadline.DueDate);
    }
}
