using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Statute.StatuteFixtures;

namespace Ombudsman.Workflows.Tests.Statute;

/// <summary>O1, UU 37/2008 art. 24: a report within 2 years of the act complained of, or rejected.</summary>
public sealed class ReportLimitTests
{
    private static readonly ReportLimit Limit = new(Catalog, Calculator());

    /// <summary>event date, reported at, office zone, expected outcome.</summary>
    public static TheoryData<string, string, string, TimeLimitOutcome> Cases => new()
    {
        { "2024-05-10", "2026-05-10T23:59:59+07:00", "WIB", TimeLimitOutcome.InTime },
        { "2024-05-10", "2026-05-11T00:00:00+07:00", "WIB", TimeLimitOutcome.Late },
        { "2024-05-10", "2026-05-10T15:30:00Z", "WIT", TimeLimitOutcome.Late },
        { "2025-01-15", "2026-11-30T10:00:00+08:00", "WITA", TimeLimitOutcome.InTime },
        // From the 2028 leap day the two years end on 28 February 2030.
        { "2028-02-29", "2030-02-28T22:00:00+07:00", "WIB", TimeLimitOutcome.InTime },
        { "2028-02-29", "2030-03-01T01:00:00+07:00", "WIB", TimeLimitOutcome.Late },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_report_is_in_time_until_the_end_of_the_second_anniversary(
        string eventDate, string reportedAt, string zone, TimeLimitOutcome expected)
    {
        var check = Limit.Check(Date(eventDate), Instant(reportedAt), Zone(zone));

        Assert.Equal(expected, check.Outcome);
        Assert.Equal("O1", check.RuleId);
        Assert.Equal("UU 37/2008 art. 24", check.Citation);
    }

    [Fact]
    public void A_late_report_is_rejected_with_the_reason()
    {
        var check = Limit.Check(Date("2024-05-10"), Instant("2026-06-01T09:00:00+07:00"), OfficeTimeZone.Wib);

        Assert.True(check.IsLate);
        Assert.Equal("Rejected, with reason.", check.Consequence);
        Assert.Equal(Date("2026-05-10"), check.Deadline.DueDate);
        Assert.Contains("2 years from 2024-05-10; ends 2026-05-10 23:59 WIB: late (UU 37/2008 art. 24)", check.Explanation, StringComparison.Ordinal);
    }
}
