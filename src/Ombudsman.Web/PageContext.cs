namespace Ombudsman.Web;

/// <summary>
/// What every page knows of its request, handed to the layout as a cascading value: the visitor's language, the path
/// to come back to after a language switch, and the anti-forgery token each state-changing form carries.
/// </summary>
/// <param name="Language">"id" or "en".</param>
/// <param name="PathAndQuery">The page's own address without the language parameter, for the language switch.</param>
/// <param name="FormToken">The value of the hidden <see cref="FormTokenField"/> field of every POST form.</param>
public sealed record PageContext(string Language, string PathAndQuery, string FormToken)
{
    /// <summary>The name of the hidden anti-forgery field.</summary>
    public const string FormTokenField = "__form";

    public bool IsEnglish => Language == "en";

    /// <summary>
    /// The act complaints are handled under, as the rule set in force today cites it (e.g. "UU 25/2009"), for the footer
    /// of every page; empty when no rule set is in force.
    /// </summary>
    public string Act { get; init; } = "";

    /// <summary>This page's address in the other language.</summary>
    public string SwitchLanguageUrl
    {
        get
        {
            var other = IsEnglish ? "id" : "en";
            var separator = PathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            return $"{PathAndQuery}{separator}lang={other}";
        }
    }
}
