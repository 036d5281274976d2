namespace Ombudsman.Web;

/// <summary>Marker for the staff console's statistics texts (Resources/ConsoleStatsText.resx, .en.resx).</summary>
public sealed class ConsoleStatsText
{
    private ConsoleStatsText()
    {
    }
}
