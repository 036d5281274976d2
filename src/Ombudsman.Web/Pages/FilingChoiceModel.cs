namespace Ombudsman.Web.Pages;

/// <summary>The first question of the complaint form: which path, with its time limits in words from the rule set.</summary>
/// <param name="ProviderLimit">The filing window (P1), e.g. "30 hari kalender (UU 25/2009 art. 42(1)-(2))".</param>
/// <param name="ReportLimit">The report limit (O1), e.g. "2 tahun (UU 37/2008 art. 24)".</param>
/// <param name="Error">The error when no path was chosen.</param>
public sealed record FilingChoiceModel(string ProviderLimit, string ReportLimit, string? Error = null);
