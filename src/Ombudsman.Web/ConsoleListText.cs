namespace Ombudsman.Web;

/// <summary>The texts of the console's lists (My office today, the case list, undelivered mail), in Resources/ConsoleListText*.resx.</summary>
public sealed class ConsoleListText
{
    private ConsoleListText()
    {
    }
}
