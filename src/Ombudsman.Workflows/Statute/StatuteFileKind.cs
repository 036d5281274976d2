namespace Ombudsman.Workflows.Statute;

/// <summary>What a statute data file holds; decided by its folder (rulesets/ or holidays/).</summary>
internal enum StatuteFileKind
{
    RuleSet,
    HolidayYear,
}
