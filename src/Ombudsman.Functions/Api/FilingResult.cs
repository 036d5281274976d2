namespace Ombudsman.Functions.Api;

/// <summary>The answer to a filing: keep the tracking token, it is shown once and is the only key to the case.</summary>
internal sealed record FilingResult(string CaseId, string ReceiptNumber, string TrackingToken, DateTimeOffset ReceivedAt, bool FiledLate, CaseLinks Links);
