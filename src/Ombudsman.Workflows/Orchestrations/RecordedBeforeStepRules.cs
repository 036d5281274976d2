using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// How a case filed before its intake assessment carried the rule set's step rules and counts ran: the workflow then
/// named the rules and the count itself, whatever rule set the case pinned. Only a replay of such a history reads this
/// (it must take the same steps it took when it was written); every case filed since asks its pinned rule set.
/// </summary>
internal static class RecordedBeforeStepRules
{
    public static string RuleFor(ComplaintPath path, string step) => (path, step) switch
    {
        (ComplaintPath.Provider, RuleSteps.CompletenessAnswer) => "P5",
        (ComplaintPath.Provider, RuleSteps.CureWindow) => "P6",
        (ComplaintPath.Ombudsman, RuleSteps.CompletenessAnswer) => "O4",
        (ComplaintPath.Ombudsman, RuleSteps.CureWindow) => "O3",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "No rule was named for this step before the rule set named it."),
    };

    public static int CountOf(string ruleId) => ruleId switch
    {
        "O6" => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "No count was kept for this rule before the rule set gave it."),
    };
}
