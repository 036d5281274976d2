namespace Ombudsman.Workflows.Statute;

/// <summary>
/// The case steps whose rule differs by path, named in the rule set (a rule's <c>"step"</c>): the workflow, emails and
/// pages ask the case's rule set which rule governs them (<see cref="RuleSet.RuleFor"/>) instead of naming it.
/// </summary>
public static class RuleSteps
{
    /// <summary>The written answer on whether the file is complete (P5), or the verification of a report (O4).</summary>
    public const string CompletenessAnswer = "completeness-answer";

    /// <summary>The complainant completes the file after the notice (P6), or the reporter the formal requirements (O3).</summary>
    public const string CureWindow = "cure-window";
}
