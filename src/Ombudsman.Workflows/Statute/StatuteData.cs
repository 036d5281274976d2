namespace Ombudsman.Workflows.Statute;

/// <summary>Everything loaded and validated from the statute data files.</summary>
internal sealed record StatuteData(RuleSetCatalog Catalog, LegalCalendar Calendar);
