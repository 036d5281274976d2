using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Statute.StatuteFixtures;

namespace Ombudsman.Workflows.Tests.Statute;

/// <summary>P1, UU 25/2009 art. 42(1)-(2): a complaint within 30 days of the service; day 30 in time, day 31 late.</summary>
public sealed class FilingWindowTests
{
    private static readonly FilingWindow Window = new(Catalog, Calculator());

    /// <summary>service date, filed at, office zone, expected outcome, expected day number.</summary>
    public static TheoryData<string, string, string, TimeLimitOutcome, int> Cases => new()
    {
        { "2026-03-16", "2026-03-16T15:00:00+07:00", "WIB", TimeLimitOutcome.InTime, 0 },
        { "2026-03-16", "2026-04-15T09:00:00+07:00", "WIB", TimeLimitOutcome.InTime, 30 },
        { "2026-03-16", "2026-04-15T23:59:59+07:00", "WIB", TimeLimitOutcome.InTime, 30 },
        { "2026-03-16", "2026-04-16T00:00:00+07:00", "WIB", TimeLimitOutcome.Late, 31 },
        // One instant, 23:30 WIB on day 30, is already day 31 in WITA and WIT.
        { "2026-03-16", "2026-04-15T16:30:00Z", "WIB", TimeLimitOutcome.InTime, 30 },
        { "2026-03-16", "2026-04-15T16:30:00Z", "WITA", TimeLimitOutcome.Late, 31 },
        { "2026-03-16", "2026-04-15T16:30:00Z", "WIT", TimeLimitOutcome.Late, 31 },
        { "2026-03-16", "2026-04-15T14:59:59Z", "WIT", TimeLimitOutcome.InTime, 30 },
        { "2026-03-16", "2026-04-15T15:59:59Z", "WITA", TimeLimitOutcome.InTime, 30 },
        // Across the year end and the 2028 leap day.
        { "2025-12-10", "2026-01-09T20:00:00+07:00", "WIB", TimeLimitOutcome.InTime, 30 },
        { "2025-12-10", "2026-01-10T08:00:00+07:00", "WIB", TimeLimitOutcome.Late, 31 },
        { "2028-01-31", "2028-03-01T12:00:00+08:00", "WITA", TimeLimitOutcome.InTime, 30 },
        { "2028-01-31", "2028-03-02T12:00:00+08:00", "WITA", TimeLimitOutcome.Late, 31 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Day_30_is_in_time_and_day_31_is_late(
        string serviceDate, string filedAt, string zone, TimeLimitOutcome expected, int expectedDay)
    {
        var check = Window.Check(Date(serviceDate), Instant(filedAt), Zone(zone));

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(expectedDay, check.Day);
        Assert.Equal("P1", check.RuleId);
        Assert.Equal("UU 25/2009 art. 42(1)-(2)", check.Citation);
        Assert.Equal("2025.1", check.RuleSetVersion);
    }

    [Fact]
    public void A_late_filing_is_flagged_with_its_citation_for_staff_to_decide()
    {
        var check = Window.Check(Date("2026-03-16"), Instant("2026-04-16T00:00:00+07:00"), OfficeTimeZone.Wib);

        Assert.True(check.IsLate);
        Assert.Equal("Accepted but flagged late; staff decide.", check.Consequence);
        Assert.Equal(
            "filed on 2026-04-16 WIB, day 31; 30 calendar days from 2026-03-16; ends 2026-04-15 23:59 WIB: late (UU 25/2009 art. 42(1)-(2))",
            check.Explanation);
    }

    [Fact]
    public void Filing_before_the_first_rule_set_takes_effect_has_no_rules_to_apply()
    {
        Assert.Throws<NoRuleSetInForceException>(
            () => Window.Check(Date("2024-12-01"), Instant("2024-12-20T09:00:00+07:00"), OfficeTimeZone.Wib));
    }
}
