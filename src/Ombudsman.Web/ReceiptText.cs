namespace Ombudsman.Web;

/// <summary>
/// Texts about deadlines that start on receipt of a notice (P6, O3), on the complainant's page and in the staff
/// console: <c>Resources/ReceiptText.resx</c> (Bahasa Indonesia) and <c>.en.resx</c>.
/// </summary>
public sealed class ReceiptText
{
    private ReceiptText()
    {
    }
}
