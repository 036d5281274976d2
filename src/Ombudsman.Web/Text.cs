using System.Resources;

[assembly: NeutralResourcesLanguage("id")]

namespace Ombudsman.Web;

/// <summary>
/// The pages' texts: <c>Resources/Text.resx</c> holds Bahasa Indonesia (the default), <c>Resources/Text.en.resx</c>
/// English. Components take <c>IStringLocalizer&lt;Text&gt;</c>; the visitor's language is the current UI culture.
/// </summary>
public sealed class Text
{
    private Text()
    {
    }
}
