namespace Ombudsman.Web;

/// <summary>
/// The texts of case assignment (the case page's panel, the lists' filter and column) and the undelivered-mail page's
/// names of notifications, in Resources/ConsoleAssignText*.resx.
/// </summary>
public sealed class ConsoleAssignText
{
    private ConsoleAssignText()
    {
    }
}
