namespace Ombudsman.Functions.Api;

/// <summary>The body of POST /api/complaints/{caseId}/cure: the missing items as text and/or ids of files uploaded before.</summary>
internal sealed record CureRequest(string? Note, IReadOnlyList<string>? EvidenceIds);
