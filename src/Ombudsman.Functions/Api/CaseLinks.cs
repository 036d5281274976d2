namespace Ombudsman.Functions.Api;

/// <summary>Where the complainant goes next with the tracking token.</summary>
internal sealed record CaseLinks(string Receipt, string ReceiptHtml, string Track, string Cure, string Withdraw, string Evidence)
{
    public const string TrackPath = "/api/track";

    public static CaseLinks For(string caseId)
    {
        var root = "/api/complaints/" + Uri.EscapeDataString(caseId);
        return new(root + "/receipt", root + "/receipt.html", TrackPath, root + "/cure", root + "/withdraw", $"/api/cases/{Uri.EscapeDataString(caseId)}/evidence");
    }
}
