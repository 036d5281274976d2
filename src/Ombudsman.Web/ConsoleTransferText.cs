namespace Ombudsman.Web;

/// <summary>
/// The console's texts for handing a case to another office (<c>Resources/ConsoleTransferText.resx</c>, Bahasa
/// Indonesia; <c>ConsoleTransferText.en.resx</c>, English).
/// </summary>
public sealed class ConsoleTransferText
{
    private ConsoleTransferText()
    {
    }
}
