using System.Globalization;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// A rule set's facts as a reader says them: its citations and durations are written once, in the rule set (in English,
/// "UU 25/2009 art. 45(1)", "14 calendar days"), and every email and page words them from there in its language.
/// </summary>
internal static class StatuteWording
{
    /// <summary>A citation as the reader says it: an Indonesian reader says "pasal" where the rule set writes "art.".</summary>
    public static string Citation(string citation, Language language) =>
        language == Language.English ? citation : citation.Replace("art. ", "pasal ", StringComparison.Ordinal);

    /// <summary>A rule's time limit in words: "14 hari", "14 hari kerja", "2 tahun"; "14 days", "14 working days", "2 years".</summary>
    public static string Duration(RuleDuration duration, Language language)
    {
        ArgumentNullException.ThrowIfNull(duration);
        var n = duration.Amount.ToString(CultureInfo.InvariantCulture);
        return (duration.Unit, duration.DayType, language) switch
        {
            (DurationUnit.Years, _, Language.English) => duration.Amount == 1 ? "1 year" : $"{n} years",
            (DurationUnit.Years, _, _) => $"{n} tahun",
            (_, DayType.Working, Language.English) => duration.Amount == 1 ? "1 working day" : $"{n} working days",
            (_, DayType.Working, _) => $"{n} hari kerja",
            (_, _, Language.English) => duration.Amount == 1 ? "1 day" : $"{n} days",
            _ => $"{n} hari",
        };
    }

    /// <summary>
    /// The provision a citation names first, without what it adds after a semicolon (e.g. "UU 25/2009 art. 44" of
    /// "UU 25/2009 art. 44; sanction art. 54(2)"): what a receipt or a party is told it was issued under.
    /// </summary>
    public static string Primary(string citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return citation.Split(';')[0].Trim();
    }

    /// <summary>The act a citation is from, e.g. "UU 25/2009" for "UU 25/2009 art. 45(1)".</summary>
    public static string Act(string citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var article = citation.IndexOf(" art.", StringComparison.Ordinal);
        return (article < 0 ? citation : citation[..article]).Split(';')[0].Trim();
    }
}
