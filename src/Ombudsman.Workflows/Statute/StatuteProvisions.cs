namespace Ombudsman.Workflows.Statute;

/// <summary>
/// Names of the provisions a rule set cites under "provisions" (<see cref="RuleSet.Provisions"/>): articles the case
/// and its pages name that set no time limit of their own. Their citations live in the rule set, never in code.
/// </summary>
public static class StatuteProvisions
{
    /// <summary>The complainant may ask that their identity be kept confidential (UU 25/2009's complaint contents).</summary>
    public const string ComplainantConfidentiality = "complainant-confidentiality";

    /// <summary>A complaint is routed to the superior of the implementing officer or unit, or to the mission giver.</summary>
    public const string RoutingToSuperior = "routing-to-superior";
}
