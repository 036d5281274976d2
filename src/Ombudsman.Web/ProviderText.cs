namespace Ombudsman.Web;

/// <summary>
/// The provider page's texts: <c>Resources/ProviderText.resx</c> (Bahasa Indonesia) and <c>ProviderText.en.resx</c>
/// (English), read through <c>IStringLocalizer&lt;ProviderText&gt;</c>.
/// </summary>
public sealed class ProviderText
{
    private ProviderText()
    {
    }
}
