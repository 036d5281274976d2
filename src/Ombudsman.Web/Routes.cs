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

    /// <summary>The complainant's page of one case (from the emailed link, or after giving the receipt number and secret).</summary>
    public static string Case(string caseId) => Track + "/" + Uri.EscapeDataString(caseId);

    /// <summary>Where the lost-link form posts (a new link to the email on file).</summary>
    public const string TrackLinkRequest = Track + "/link";

    /// <summary>Where the cure form of a case posts (UU 25/2009 art. 45(2)).</summary>
    public static string CaseCure(string caseId) => Case(caseId) + "/cure";

    /// <summary>Where the withdrawal form of a case posts (first to confirm, then to withdraw).</summary>
    public static string CaseWithdraw(string caseId) => Case(caseId) + "/withdraw";

    /// <summary>One of the complainant's own files of a case, downloaded with the case's cookie.</summary>
    public static string CaseFile(string caseId, string evidenceId) => Case(caseId) + "/files/" + Uri.EscapeDataString(evidenceId);

    /// <summary>The printable receipt (UU 25/2009 art. 44) of one case.</summary>
    public static string Receipt(string caseId) => Case(caseId) + "/receipt";

    /// <summary>The provider's page of one case (from the capability link).</summary>
    public static string ProviderCase(string caseId) => Provider + "/" + Uri.EscapeDataString(caseId);

    /// <summary>Where the provider's response form posts.</summary>
    public static string ProviderResponse(string caseId) => ProviderCase(caseId) + "/response";

    /// <summary>A file the provider may download from its page (its own documents, files shared with it).</summary>
    public static string ProviderFile(string caseId, string evidenceId) => ProviderCase(caseId) + "/files/" + Uri.EscapeDataString(evidenceId);
}
