using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Api;

/// <summary>A case as the public endpoints read it: the complaint as filed, and the workflow's status (null until intake ran).</summary>
internal sealed record FiledCase(string CaseId, Complaint Complaint, CaseStatus? Status, DateTimeOffset CreatedAt)
{
    /// <summary>The readable receipt number (nomor tanda terima): the case id in capitals, e.g. JKT-20260302-K3Q9X7M2AB.</summary>
    public string ReceiptNumber => CaseIds.ReceiptNumberOf(CaseId);

    /// <summary>When the complaint was received: the orchestration's start, the day its receipt states.</summary>
    public DateTimeOffset ReceivedAt => Status?.ReceivedAt ?? CreatedAt;

    public CaseStage Stage => Status?.Stage ?? CaseStage.Received;

    /// <summary>The rule set whose durations and citations the case's pages state: the one it pinned at intake, else the one in force on its filing day.</summary>
    public RuleSet RuleSet(RuleSetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.ForCase(Status?.RuleSetVersion, Complaint.Office.TimeZone.DateOf(ReceivedAt));
    }
}
