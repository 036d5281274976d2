using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Statute.StatuteFixtures;

namespace Ombudsman.Workflows.Tests.Statute;

/// <summary>Deadline computation over month and year ends, leap years, holidays, collective leave and the three zones.</summary>
public sealed class DeadlineCalculationTests
{
    /// <summary>rule, trigger instant, office zone, expected last day, expected due instant (UTC, exclusive end).</summary>
    public static TheoryData<string, string, string, string, string> Table => new()
    {
        // The example of issue 3: 14 calendar days from Monday 16 March 2026 in Jakarta.
        { "P5", "2026-03-16T10:00:00+07:00", "WIB", "2026-03-30", "2026-03-30T17:00:00Z" },
        // One instant, three zones: 23:30 WIB on the 15th is already the 16th in WITA and WIT.
        { "P5", "2026-03-15T16:30:00Z", "WIB", "2026-03-29", "2026-03-29T17:00:00Z" },
        { "P5", "2026-03-15T16:30:00Z", "WITA", "2026-03-30", "2026-03-30T16:00:00Z" },
        { "P5", "2026-03-15T16:30:00Z", "WIT", "2026-03-30", "2026-03-30T15:00:00Z" },
        // Month ends.
        { "P6", "2026-01-31T09:00:00+07:00", "WIB", "2026-03-02", "2026-03-02T17:00:00Z" },
        { "O3", "2026-02-28T09:00:00+08:00", "WITA", "2026-03-30", "2026-03-30T16:00:00Z" },
        { "O11", "2026-10-31T09:00:00+09:00", "WIT", "2026-12-30", "2026-12-30T15:00:00Z" },
        { "P3", "2026-04-30T09:00:00+07:00", "WIB", "2026-05-14", "2026-05-14T17:00:00Z" },
        // Year ends.
        { "P5", "2025-12-20T09:00:00+07:00", "WIB", "2026-01-03", "2026-01-03T17:00:00Z" },
        { "P8", "2025-11-15T09:00:00+07:00", "WIB", "2026-01-14", "2026-01-14T17:00:00Z" },
        { "O7", "2026-12-15T09:00:00+08:00", "WITA", "2027-01-14", "2027-01-14T16:00:00Z" },
        { "O5", "2026-12-25T09:00:00+09:00", "WIT", "2027-01-08", "2027-01-08T15:00:00Z" },
        // Leap day 2028, and the common year beside it.
        { "P5", "2028-02-15T09:00:00+07:00", "WIB", "2028-02-29", "2028-02-29T17:00:00Z" },
        { "P9", "2028-02-20T09:00:00+07:00", "WIB", "2028-03-05", "2028-03-05T17:00:00Z" },
        { "P9", "2027-02-20T09:00:00+07:00", "WIB", "2027-03-06", "2027-03-06T17:00:00Z" },
        { "P6", "2028-02-01T09:00:00+08:00", "WITA", "2028-03-02", "2028-03-02T16:00:00Z" },
        { "O1", "2028-02-29T09:00:00+07:00", "WIB", "2030-02-28", "2030-02-28T17:00:00Z" },
        { "O1", "2024-02-29T09:00:00+09:00", "WIT", "2026-02-28", "2026-02-28T15:00:00Z" },
        { "O1", "2026-03-16T09:00:00+07:00", "WIB", "2028-03-16", "2028-03-16T17:00:00Z" },
        // Calendar-day rules keep a last day on a holiday or collective leave (no move by default).
        { "P5", "2026-03-05T09:00:00+07:00", "WIB", "2026-03-19", "2026-03-19T17:00:00Z" },
        { "P9", "2025-12-12T09:00:00+07:00", "WIB", "2025-12-26", "2025-12-26T17:00:00Z" },
        { "O8", "2026-06-30T09:00:00+08:00", "WITA", "2026-07-14", "2026-07-14T16:00:00Z" },
        { "O12", "2026-05-01T09:00:00+09:00", "WIT", "2026-05-31", "2026-05-31T15:00:00Z" },
        // Working-day rules across Idul Fitri 2026 (collective leave 18, 20, 23, 24 March; holidays 19, 21, 22 March; Good Friday 3 April).
        { "O4", "2026-03-16T09:00:00+07:00", "WIB", "2026-04-13", "2026-04-13T17:00:00Z" },
        { "O4", "2026-03-13T09:00:00+07:00", "WIB", "2026-04-10", "2026-04-10T17:00:00Z" },
        { "O10", "2026-03-17T09:00:00+07:00", "WIB", "2026-05-07", "2026-05-07T17:00:00Z" },
        // Idul Fitri 2025 (holidays 31 March, 1 April; collective leave 28 March, 2-4 and 7 April; Good Friday 18 April).
        { "O4", "2025-03-25T09:00:00+07:00", "WIB", "2025-04-24", "2025-04-24T17:00:00Z" },
        // Working days across the 2025/2026 year end (Christmas, collective leave 26 December, New Year, Isra Mi'raj).
        { "O10", "2025-12-10T09:00:00+08:00", "WITA", "2026-01-27", "2026-01-27T16:00:00Z" },
        // Working days in WITA and WIT around Ascension, Idul Adha, Pancasila Day, Independence Day and Maulid.
        { "O4", "2026-05-12T09:00:00+08:00", "WITA", "2026-06-08", "2026-06-08T16:00:00Z" },
        { "O10", "2026-08-10T09:00:00+09:00", "WIT", "2026-09-23", "2026-09-23T15:00:00Z" },
        // A trigger on a Saturday: day 1 is the next working day.
        { "O4", "2026-01-03T09:00:00+07:00", "WIB", "2026-01-23", "2026-01-23T17:00:00Z" },
        // Just before midnight local time still counts from that day.
        { "P5", "2026-06-30T23:59:59+09:00", "WIT", "2026-07-14", "2026-07-14T15:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Deadline_is_counted_from_the_day_after_the_trigger_in_the_office_zone(
        string ruleId, string trigger, string zone, string expectedDueDate, string expectedDueInstant)
    {
        var rule = ShippedRuleSet[ruleId];

        var deadline = Calculator().Compute(rule, Instant(trigger), Zone(zone));

        Assert.Equal(Date(expectedDueDate), deadline.DueDate);
        Assert.Equal(Instant(expectedDueInstant), deadline.DueInstant);
        Assert.Equal(TimeSpan.Zero, deadline.DueInstant.Offset);
        Assert.Equal(rule.Citation, deadline.Citation);
        Assert.Equal("2025.1", deadline.RuleSetVersion);
        Assert.False(deadline.MovedToNextWorkingDay);
        Assert.Empty(deadline.WeekendOnlyFallbackYears);
        Assert.EndsWith($"ends {expectedDueDate} 23:59 {zone}", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_says_how_a_calendar_deadline_was_counted()
    {
        var deadline = Calculator().Compute(ShippedRuleSet["P5"], Instant("2026-03-16T10:00:00+07:00"), OfficeTimeZone.Wib);

        Assert.Equal("14 calendar days from 2026-03-16; ends 2026-03-30 23:59 WIB", deadline.Explanation);
        Assert.Equal("UU 25/2009 art. 45(1)", deadline.Citation);
    }

    [Fact]
    public void Working_day_rule_spanning_Idul_Fitri_2026_skips_the_collective_leave_and_says_so()
    {
        var deadline = Calculator().Compute(ShippedRuleSet["O4"], Date("2026-03-16"), OfficeTimeZone.Wib);

        Assert.Equal(Date("2026-04-13"), deadline.DueDate);
        Assert.Equal(
            "14 working days from 2026-03-16 (not counting weekends, 2 national holidays and 4 collective-leave days); "
            + "counted with calendar 2026 v0 (data file holidays/2026.json); ends 2026-04-13 23:59 WIB",
            deadline.Explanation);
        Assert.Equal([new CalendarVersionUsed(2026, 0)], deadline.CalendarVersions);
        Assert.False(deadline.IsProvisional);
    }

    [Fact]
    public void The_due_instant_is_the_first_instant_after_the_last_day_in_the_office_zone()
    {
        var deadline = Calculator().Compute(ShippedRuleSet["P5"], Date("2026-03-16"), OfficeTimeZone.Wita);

        Assert.Equal(Date("2026-03-30"), deadline.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.FromHours(8)), deadline.DueInstant);
        Assert.Equal(Date("2026-03-30"), OfficeTimeZone.Wita.DateOf(deadline.DueInstant.AddTicks(-1)));
        Assert.Equal(Date("2026-03-31"), OfficeTimeZone.Wita.DateOf(deadline.DueInstant));
    }

    [Theory]
    [InlineData("P5", "2026-03-05", "2026-03-25", "2026-03-19 is a national holiday (Nyepi)")]
    [InlineData("P9", "2025-12-12", "2025-12-29", "2025-12-26 is collective leave (Christmas)")]
    [InlineData("P5", "2026-01-03", "2026-01-19", "2026-01-17 is a Saturday")]
    public void With_the_setting_on_a_calendar_deadline_on_a_day_off_moves_to_the_next_working_day(
        string ruleId, string trigger, string expectedDueDate, string expectedReason)
    {
        var deadline = Calculator(moveCalendarDeadlines: true).Compute(ShippedRuleSet[ruleId], Date(trigger), OfficeTimeZone.Wib);

        Assert.Equal(Date(expectedDueDate), deadline.DueDate);
        Assert.True(deadline.MovedToNextWorkingDay);
        Assert.Contains(expectedReason + ", moved to the next working day", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_setting_on_a_calendar_deadline_on_a_working_day_stays()
    {
        var deadline = Calculator(moveCalendarDeadlines: true).Compute(ShippedRuleSet["P5"], Date("2026-03-16"), OfficeTimeZone.Wib);

        Assert.Equal(Date("2026-03-30"), deadline.DueDate);
        Assert.False(deadline.MovedToNextWorkingDay);
    }

    [Fact]
    public void Working_day_count_into_a_year_without_holidays_fails_loudly()
    {
        var error = Assert.Throws<CalendarYearNotLoadedException>(
            () => Calculator().Compute(ShippedRuleSet["O4"], Date("2026-12-15"), OfficeTimeZone.Wit));

        Assert.Equal(2027, error.Year);
        Assert.Equal([2025, 2026], error.LoadedYears);
        Assert.Contains("holidays/2027.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weekend_only_fallback_counts_the_unloaded_year_and_reports_it_on_the_deadline()
    {
        var deadline = Calculator(allowWeekendOnlyFallback: true).Compute(ShippedRuleSet["O4"], Date("2026-12-15"), OfficeTimeZone.Wit);

        // 10 working days in December 2026 (24 and 25 off), then 1 January 2027 counts because 2027 is unknown.
        Assert.Equal(Date("2027-01-06"), deadline.DueDate);
        Assert.Equal([2027], deadline.WeekendOnlyFallbackYears);
        Assert.Contains("no holiday calendar is loaded for 2027", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_day_rules_do_not_need_the_holiday_calendar()
    {
        var deadline = Calculator().Compute(ShippedRuleSet["P8"], Date("2028-11-15"), OfficeTimeZone.Wib);

        Assert.Equal(Date("2029-01-14"), deadline.DueDate);
        Assert.Empty(deadline.WeekendOnlyFallbackYears);
    }
}
