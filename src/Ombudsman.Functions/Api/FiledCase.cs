using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Api;

/// <summary>A case as the public endpoints read it: the complaint as filed, and the workflow's status (null until intake ran).</summary>
internal sealed record FiledCase(string CaseId, Complaint Complaint, CaseStatus? Status, DateTimeOffset CreatedAt)
{
    /// <summary>The readable receipt number (nomor tanda terima): the case id in capitals, e.g. JKT-20260302-K3Q9X7M2AB.</summary>
    public string ReceiptNumber => CaseIds.ReceiptNumberOf(CaseId);

    /// <summary>When the complaint was received: the orchestration's start (UU 25/2009 art. 44).</summary>
    public DateTimeOffset ReceivedAt => Status?.ReceivedAt ?? CreatedAt;

    public CaseStage Stage => Status?.Stage ?? CaseStage.Received;
}
