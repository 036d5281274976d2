namespace Ombudsman.Web;

/// <summary>
/// The texts of the filing pages (the guided complaint form and the receipt): <c>Resources/FilingText.resx</c> in
/// Bahasa Indonesia, <c>Resources/FilingText.en.resx</c> in English.
/// </summary>
public sealed class FilingText
{
    private FilingText()
    {
    }
}
