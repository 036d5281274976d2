using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Statute.StatuteFixtures;

namespace Ombudsman.Workflows.Tests.Statute;

/// <summary>Every rule of the shipped rule set, against STATUTE.md, counted from Monday 16 March 2026 in WIB.</summary>
public sealed class ShippedRuleSetTests
{
    public static TheoryData<string, string, string, string> RulesWithDuration => new()
    {
        { "P1", "30 calendar days", "UU 25/2009 art. 42(1)-(2)", "2026-04-15" },
        { "P3", "14 calendar days", "UU 25/2009 art. 43", "2026-03-30" },
        { "P5", "14 calendar days", "UU 25/2009 art. 45(1)", "2026-03-30" },
        { "P6", "30 calendar days", "UU 25/2009 art. 45(2)-(3)", "2026-04-15" },
        { "P8", "60 calendar days", "UU 25/2009 art. 50(1)", "2026-05-15" },
        { "P9", "14 calendar days", "UU 25/2009 art. 50(2)", "2026-03-30" },
        { "O1", "2 years", "UU 37/2008 art. 24", "2028-03-16" },
        { "O3", "30 calendar days", "UU 37/2008 (art. 25)", "2026-04-15" },
        { "O4", "14 working days", "Office practice", "2026-04-13" },
        { "O5", "14 calendar days", "UU 37/2008 art. 28-31", "2026-03-30" },
        { "O7", "30 calendar days", "UU 25/2009 art. 46(5), 50(5)", "2026-04-15" },
        { "O7A", "30 calendar days", "UU 25/2009 art. 46(5); PO 58/2023", "2026-04-15" },
        { "O8", "14 calendar days", "PO 48/2020 practice, kept as policy", "2026-03-30" },
        { "O10", "30 working days", "PO 58/2023 art. 54", "2026-05-06" },
        { "O10A", "30 calendar days", "PO 58/2023 art. 54", "2026-04-15" },
        { "O11", "60 calendar days", "UU 37/2008 art. 38-39", "2026-05-15" },
        { "O12", "30 calendar days", "UU 25/2009 art. 50(5)-(7); PO 31/2018", "2026-04-15" },
    };

    public static TheoryData<string, string> RulesWithoutDuration => new()
    {
        { "P2", "a content requirement, not a time limit" },
        { "P4", "immediate: the system issues the receipt at intake" },
        { "P7", "no time limit; the decision deadline is P8" },
        { "P10", "set in the decision" },
        { "P11", "delivered with the decision (P9)" },
        { "O2", "a precondition checked at intake, not a time limit" },
        { "O6", "per summons: the date is set in each summons" },
        { "O9", "no time limit of its own" },
        { "O13", "an office step, not a time limit; running deadlines keep their last day" },
    };

    [Theory]
    [MemberData(nameof(RulesWithDuration))]
    public void Rule_with_a_duration_gives_the_deadline_and_citation_of_the_statute_table(
        string ruleId, string duration, string citation, string expectedDueDate)
    {
        var rule = ShippedRuleSet[ruleId];

        var deadline = Calculator().Compute(rule, Date("2026-03-16"), OfficeTimeZone.Wib);

        Assert.Equal(duration, rule.DurationText);
        Assert.Equal(citation, deadline.Citation);
        Assert.Equal(Date(expectedDueDate), deadline.DueDate);
        Assert.StartsWith($"{duration} from 2026-03-16", deadline.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RulesWithoutDuration))]
    public void Rule_without_a_duration_says_why_and_refuses_to_compute_a_deadline(string ruleId, string reason)
    {
        var rule = ShippedRuleSet[ruleId];

        var error = Assert.Throws<RuleWithoutDurationException>(() => Calculator().Compute(rule, Date("2026-03-16"), OfficeTimeZone.Wib));

        Assert.Null(rule.Duration);
        Assert.Equal(reason, rule.DurationText);
        Assert.Equal(ruleId, error.RuleId);
        Assert.Contains(rule.Citation, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tests_above_cover_every_rule_of_the_shipped_rule_set_and_nothing_else()
    {
        var tested = RulesWithDuration.Select(row => (string)row[0]).Concat(RulesWithoutDuration.Select(row => (string)row[0]));

        Assert.Equal(
            ShippedRuleSet.Rules.Select(r => r.Id).Order(StringComparer.Ordinal),
            tested.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_shipped_rule_set_has_P1_to_P11_and_O1_to_O13_with_the_policy_steps_O7A_and_O10A_on_their_paths()
    {
        // O7A (monitoring of an agreement) and O10A (resolution and monitoring) follow the step they come after.
        var ombudsman = Enumerable.Range(1, 13).SelectMany(i => i switch { 7 => ["O7", "O7A"], 10 => ["O10", "O10A"], _ => new[] { $"O{i}" } });
        var expected = Enumerable.Range(1, 11).Select(i => $"P{i}").Concat(ombudsman);

        Assert.Equal(expected, ShippedRuleSet.Rules.Select(r => r.Id));
        Assert.All(ShippedRuleSet.Rules, r =>
            Assert.Equal(r.Id.StartsWith('P') ? ComplaintPath.Provider : ComplaintPath.Ombudsman, r.Path));
    }

    [Fact]
    public void Office_policy_values_are_marked_as_policy_and_the_rest_as_statutory()
    {
        var policy = ShippedRuleSet.Rules.Where(r => r.Basis == RuleBasis.OfficePolicy).Select(r => r.Id);

        Assert.Equal(["P3", "O4", "O5", "O7", "O7A", "O8", "O10A", "O12"], policy);
    }

    [Fact]
    public void Deemed_withdrawn_rules_carry_their_consequence()
    {
        Assert.StartsWith("Deemed withdrawn", ShippedRuleSet["P6"].Consequence, StringComparison.Ordinal);
        Assert.StartsWith("Deemed withdrawn", ShippedRuleSet["O3"].Consequence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ComplaintPath.Provider, RuleSteps.CompletenessAnswer, "P5")]
    [InlineData(ComplaintPath.Provider, RuleSteps.CureWindow, "P6")]
    [InlineData(ComplaintPath.Ombudsman, RuleSteps.CompletenessAnswer, "O4")]
    [InlineData(ComplaintPath.Ombudsman, RuleSteps.CureWindow, "O3")]
    public void Each_path_names_the_rule_of_its_completeness_answer_and_cure_window(ComplaintPath path, string step, string ruleId)
    {
        Assert.Equal(ruleId, ShippedRuleSet.RuleFor(path, step).Id);

        // A case whose intake predates the rule set naming these replays with the same rules.
        Assert.Equal(ruleId, Ombudsman.Workflows.Orchestrations.RecordedBeforeStepRules.RuleFor(path, step));
    }

    [Fact]
    public void A_forced_appearance_may_be_asked_for_after_three_missed_summonses_as_the_replay_of_older_cases_assumes()
    {
        Assert.Equal(3, ShippedRuleSet.CountOf("O6"));
        Assert.Equal(ShippedRuleSet.CountOf("O6"), Ombudsman.Workflows.Orchestrations.RecordedBeforeStepRules.CountOf("O6"));
        Assert.Equal(["O6"], ShippedRuleSet.Rules.Where(r => r.Count is not null).Select(r => r.Id));
        Assert.Throws<KeyNotFoundException>(() => ShippedRuleSet.CountOf("O5"));
        Assert.Throws<KeyNotFoundException>(() => ShippedRuleSet.RuleFor(ComplaintPath.Provider, "no-such-step"));
    }

    [Fact]
    public void Each_path_names_its_act_from_its_rules()
    {
        Assert.Equal("UU 25/2009", ShippedRuleSet.ActOf(ComplaintPath.Provider));
        Assert.Equal("UU 37/2008", ShippedRuleSet.ActOf(ComplaintPath.Ombudsman));
    }
}
