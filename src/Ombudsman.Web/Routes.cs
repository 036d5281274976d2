namespace Ombudsman.Web;

/// <summary>
/// The public pages' addresses, for links between pages; the function app's route table maps the same paths
/// (<c>Pages/PageEndpoints</c> in Ombudsman.Functions).
/// </summary>
public static class Routes
{
    public const string Home = "/";

    public const string File = "/file";

    public const string Track = "/track";

    public const string Provider = "/provider";
}
