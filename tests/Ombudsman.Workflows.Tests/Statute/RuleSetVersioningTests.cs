using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Statute.StatuteFixtures;

namespace Ombudsman.Workflows.Tests.Statute;

/// <summary>A case pins the rule set in force when it was filed; later versions never move its deadlines.</summary>
public sealed class RuleSetVersioningTests
{
    /// <summary>The shipped data plus version 2027.1, effective 2027-01-01, which shortens P5 to 10 days.</summary>
    private static RuleSetCatalog CatalogWithLaterVersion()
    {
        var later = ShippedRuleSetJson();
        later["version"] = "2027.1";
        later["effectiveFrom"] = "2027-01-01";
        Rule(later, "P5")["duration"]!["amount"] = 10;
        return StatuteDataLoader.Load(ShippedPlus(RuleSetFile("rulesets/2027.1.json", later))).Catalog;
    }

    [Theory]
    [InlineData("2025-01-01", "2025.1")]
    [InlineData("2026-12-31", "2025.1")]
    [InlineData("2027-01-01", "2027.1")]
    [InlineData("2028-06-30", "2027.1")]
    public void The_version_in_force_is_the_latest_effective_on_the_filing_date(string filedOn, string expectedVersion)
    {
        Assert.Equal(expectedVersion, CatalogWithLaterVersion().InForceOn(Date(filedOn)).Version);
    }

    [Fact]
    public void A_later_rule_set_version_does_not_move_the_deadline_of_a_pinned_case()
    {
        // Filed in December 2026: the case pins 2025.1.
        var pinned = Catalog.InForceOn(Date("2026-12-20")).Version;
        var before = Calculator().Compute(Catalog.Get(pinned)["P5"], Date("2027-01-05"), OfficeTimeZone.Wib);

        var after = Calculator().Compute(CatalogWithLaterVersion().Get(pinned)["P5"], Date("2027-01-05"), OfficeTimeZone.Wib);

        Assert.Equal("2025.1", pinned);
        Assert.Equal(before, after with
        {
            WeekendOnlyFallbackYears = before.WeekendOnlyFallbackYears,
            CalendarVersions = before.CalendarVersions,
            ProvisionalYears = before.ProvisionalYears,
        });
        Assert.Equal(Date("2027-01-19"), after.DueDate);
        Assert.Equal("2025.1", after.RuleSetVersion);
    }

    [Fact]
    public void A_case_filed_under_the_later_version_gets_its_values()
    {
        var catalog = CatalogWithLaterVersion();
        var version = catalog.InForceOn(Date("2027-01-02")).Version;

        var deadline = Calculator().Compute(catalog.Get(version)["P5"], Date("2027-01-05"), OfficeTimeZone.Wib);

        Assert.Equal("2027.1", version);
        Assert.Equal(Date("2027-01-15"), deadline.DueDate);
        Assert.Equal("2027.1", deadline.RuleSetVersion);
    }

    [Fact]
    public void A_filing_window_check_can_be_held_to_the_pinned_version()
    {
        var later = ShippedRuleSetJson();
        later["version"] = "2027.1";
        later["effectiveFrom"] = "2027-01-01";
        Rule(later, "P1")["duration"]!["amount"] = 20;
        var catalog = StatuteDataLoader.Load(ShippedPlus(RuleSetFile("rulesets/2027.1.json", later))).Catalog;
        var window = new FilingWindow(catalog, Calculator());

        var inForce = window.Check(Date("2026-12-20"), Instant("2027-01-15T09:00:00+07:00"), OfficeTimeZone.Wib);
        var pinned = window.Check(Date("2026-12-20"), Instant("2027-01-15T09:00:00+07:00"), OfficeTimeZone.Wib, "2025.1");

        Assert.Equal(TimeLimitOutcome.Late, inForce.Outcome);
        Assert.Equal(TimeLimitOutcome.InTime, pinned.Outcome);
    }

    [Fact]
    public void Asking_for_a_version_that_is_not_loaded_fails()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Catalog.Get("1999.1"));

        Assert.Contains("1999.1", error.Message, StringComparison.Ordinal);
    }
}
