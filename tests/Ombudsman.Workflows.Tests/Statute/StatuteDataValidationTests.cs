using System.Text.Json.Nodes;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Statute.StatuteFixtures;

namespace Ombudsman.Workflows.Tests.Statute;

/// <summary>Invalid statute data fails start-up with every problem named by file, rule (or day) and field.</summary>
public sealed class StatuteDataValidationTests
{
    private const string RulesFile = "rulesets/2027.1.json";

    /// <summary>The shipped rule set re-versioned as 2027.1, edited by the test, loaded beside the shipped data.</summary>
    private static StatuteDataException LoadEditedRuleSet(Action<JsonObject> edit)
    {
        var json = ShippedRuleSetJson();
        json["version"] = "2027.1";
        json["effectiveFrom"] = "2027-01-01";
        edit(json);
        return LoadFails(ShippedPlus(RuleSetFile(RulesFile, json)));
    }

    private static StatuteDataProblem Single(StatuteDataException error) => Assert.Single(error.Problems);

    [Fact]
    public void The_shipped_data_is_valid()
    {
        var data = StatuteDataLoader.Load(new StatuteOptions());

        Assert.Single(data.Catalog.All);
        Assert.Equal(2, data.Calendar.Years.Count);
    }

    [Fact]
    public void An_unknown_day_type_is_named_by_file_rule_and_field()
    {
        var error = LoadEditedRuleSet(json => Rule(json, "P5")["duration"]!["dayType"] = "business");

        var problem = Single(error);
        Assert.Equal(RulesFile, problem.File);
        Assert.Equal("rule P5", problem.Subject);
        Assert.Equal("rules[4].duration.dayType", problem.Field);
        Assert.Contains("\"business\" is not one of: calendar, working", problem.Message, StringComparison.Ordinal);
        Assert.Contains("rulesets/2027.1.json: rule P5: field 'rules[4].duration.dayType'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_type_given_twice_is_an_overlap()
    {
        var json = ShippedRuleSetJson().ToJsonString()
            .Replace("\"version\":\"2025.1\"", "\"version\":\"2027.1\"", StringComparison.Ordinal)
            .Replace("\"effectiveFrom\":\"2025-01-01\"", "\"effectiveFrom\":\"2027-01-01\"", StringComparison.Ordinal)
            .Replace(
                "\"amount\":60,\"unit\":\"days\",\"dayType\":\"calendar\"",
                "\"amount\":60,\"unit\":\"days\",\"dayType\":\"calendar\",\"dayType\":\"working\"",
                StringComparison.Ordinal);

        var error = LoadFails(ShippedPlus(new StatuteDataFile(RulesFile, StatuteFileKind.RuleSet, json)));

        // P8 and O11 are the two 60-day rules.
        Assert.Equal(["rule P8", "rule O11"], error.Problems.Select(p => p.Subject));
        Assert.All(error.Problems, p => Assert.EndsWith("duration.dayType", p.Field, StringComparison.Ordinal));
        Assert.All(error.Problems, p => Assert.Equal("is given more than once", p.Message));
    }

    [Fact]
    public void Working_years_are_rejected()
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "O1")["duration"]!["dayType"] = "working"));

        Assert.Equal("rule O1", problem.Subject);
        Assert.Equal("rules[11].duration.dayType", problem.Field);
    }

    [Theory]
    [InlineData(-14, "must be positive, was -14")]
    [InlineData(0, "must be positive, was 0")]
    public void A_negative_or_zero_duration_is_rejected(int amount, string message)
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "O10")["duration"]!["amount"] = amount));

        Assert.Equal("rule O10", problem.Subject);
        Assert.Equal("rules[21].duration.amount", problem.Field);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void A_missing_citation_is_rejected()
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "P8").Remove("citation")));

        Assert.Equal(RulesFile, problem.File);
        Assert.Equal("rule P8", problem.Subject);
        Assert.Equal("rules[7].citation", problem.Field);
        Assert.Equal("is missing", problem.Message);
    }

    [Fact]
    public void A_blank_citation_is_rejected()
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "O3")["citation"] = "  "));

        Assert.Equal("rules[13].citation", problem.Field);
        Assert.Equal("must not be empty", problem.Message);
    }

    [Fact]
    public void A_rule_with_both_a_duration_and_no_duration_is_rejected()
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "P5")["noDuration"] = "none"));

        Assert.Equal("rules[4].noDuration", problem.Field);
    }

    [Fact]
    public void A_rule_with_neither_a_duration_nor_a_reason_is_rejected()
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "P10").Remove("noDuration")));

        Assert.Equal("rule P10", problem.Subject);
        Assert.Equal("rules[9].duration", problem.Field);
    }

    [Fact]
    public void A_misspelt_field_is_rejected_rather_than_ignored()
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "O4")["basiss"] = "policy"));

        Assert.Equal("rules[14].basiss", problem.Field);
        Assert.StartsWith("is not a known field", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_not_just_the_first()
    {
        var error = LoadEditedRuleSet(json =>
        {
            Rule(json, "P1")["duration"]!["amount"] = -30;
            Rule(json, "P6").Remove("citation");
            Rule(json, "O4")["duration"]!["dayType"] = "hari kerja";
            Rule(json, "O12")["basis"] = "custom";
        });

        Assert.Equal(
            ["rules[0].duration.amount", "rules[5].citation", "rules[14].duration.dayType", "rules[24].basis"],
            error.Problems.Select(p => p.Field));
        Assert.Contains("4 problems", error.Message, StringComparison.Ordinal);
        Assert.All(error.Problems, p => Assert.Contains(p.ToString(), error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_rule_id_is_rejected()
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "P2")["id"] = "P1"));

        Assert.Equal("rule P1", problem.Subject);
        Assert.Equal("rules[1].id", problem.Field);
    }

    [Fact]
    public void Two_rule_sets_with_the_same_version_or_effective_date_are_rejected()
    {
        var error = LoadFails(ShippedPlus(RuleSetFile(RulesFile, ShippedRuleSetJson())));

        Assert.Equal(["version", "effectiveFrom"], error.Problems.Select(p => p.Field));
        Assert.All(error.Problems, p => Assert.Equal(RulesFile, p.File));
        Assert.Contains("Statute/Data/rulesets/2025.1.json", error.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_holiday_outside_its_year_is_rejected()
    {
        var problem = Single(LoadFails(ShippedPlus(HolidayFile("holidays/2027.json", """
            { "year": 2027, "decree": "Test decree",
              "days": [ { "date": "2027-01-01", "kind": "holiday", "name": "New Year's Day" },
                        { "date": "2028-01-01", "kind": "holiday", "name": "New Year's Day" } ] }
            """))));

        Assert.Equal("holidays/2027.json", problem.File);
        Assert.Equal("day 2028-01-01", problem.Subject);
        Assert.Equal("days[1].date", problem.Field);
        Assert.Contains("outside the file's year 2027", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_listed_as_both_holiday_and_collective_leave_is_an_overlap()
    {
        var problem = Single(LoadFails(ShippedPlus(HolidayFile("holidays/2027.json", """
            { "year": 2027, "decree": "Test decree",
              "days": [ { "date": "2027-03-10", "kind": "holiday", "name": "Nyepi" },
                        { "date": "2027-03-10", "kind": "collective-leave", "name": "Nyepi" } ] }
            """))));

        Assert.Equal("day 2027-03-10", problem.Subject);
        Assert.Equal("days[1].date", problem.Field);
        Assert.StartsWith("overlaps days[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_of_day_off_and_a_missing_decree_are_both_reported()
    {
        var error = LoadFails(ShippedPlus(HolidayFile("holidays/2027.json", """
            { "year": 2027,
              "days": [ { "date": "2027-05-03", "kind": "bridge-day", "name": "Bridge" } ] }
            """)));

        Assert.Equal(["decree", "days[0].kind"], error.Problems.Select(p => p.Field));
        Assert.Equal(["holiday year 2027", "day 2027-05-03"], error.Problems.Select(p => p.Subject));
    }

    [Fact]
    public void A_second_file_for_a_loaded_year_is_rejected()
    {
        var problem = Single(LoadFails(ShippedPlus(HolidayFile("extra/holidays/2026.json", """
            { "year": 2026, "decree": "Another decree", "days": [] }
            """))));

        Assert.Equal("extra/holidays/2026.json", problem.File);
        Assert.Equal("year", problem.Field);
        Assert.Contains("Statute/Data/holidays/2026.json", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_that_does_not_match_its_file_name_is_rejected()
    {
        var problem = Single(LoadFails(ShippedPlus(HolidayFile("holidays/2028.json", """
            { "year": 2027, "decree": "Test decree", "days": [] }
            """))));

        Assert.Equal("year", problem.Field);
    }

    [Fact]
    public void A_file_that_is_not_json_names_the_file_and_line()
    {
        var problem = Single(LoadFails(ShippedPlus(HolidayFile("holidays/2027.json", "{ \"year\": 2027,\n  \"decree\": }"))));

        Assert.Equal("holidays/2027.json", problem.File);
        Assert.Contains("line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_data_directory_that_does_not_exist_fails()
    {
        var missing = Path.Combine(Path.GetTempPath(), "statute-missing-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<StatuteDataException>(() => StatuteDataLoader.Load(new StatuteOptions { DataDirectory = missing }));

        Assert.Equal("Statute:DataDirectory", Single(error).Field);
        Assert.Equal(missing, Single(error).File);
    }

    [Fact]
    public void Two_rules_of_one_path_governing_one_step_are_rejected()
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "P3")["step"] = RuleSteps.CompletenessAnswer));

        Assert.Equal("rule P5", problem.Subject);
        Assert.Equal("rules[4].step", problem.Field);
        Assert.Equal("rule P3 of the same path already governs the step \"completeness-answer\"", problem.Message);
    }

    [Fact]
    public void A_step_that_is_no_lower_case_name_is_rejected()
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "P6")["step"] = "Cure Window"));

        Assert.Equal("rule P6", problem.Subject);
        Assert.Equal("rules[5].step", problem.Field);
    }

    [Theory]
    [InlineData(0, "must be positive, was 0")]
    [InlineData(-3, "must be positive, was -3")]
    public void A_count_that_is_not_positive_is_rejected(int count, string message)
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "O6")["count"] = count));

        Assert.Equal("rule O6", problem.Subject);
        Assert.Equal("rules[16].count", problem.Field);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void A_count_that_is_not_a_whole_number_is_rejected()
    {
        var problem = Single(LoadEditedRuleSet(json => Rule(json, "O6")["count"] = "three"));

        Assert.Equal("rules[16].count", problem.Field);
        Assert.StartsWith("must be a whole number", problem.Message, StringComparison.Ordinal);
    }
}
