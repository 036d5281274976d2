namespace Ombudsman.Functions.Api;

/// <summary>The body of POST /api/complaints/{caseId}/withdraw.</summary>
internal sealed record WithdrawalRequest(string? Reason);
