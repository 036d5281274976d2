namespace Ombudsman.Functions.Evidence;

/// <summary>A short-lived, read-only URL of one file (a SAS), and when it stops working.</summary>
internal sealed record EvidenceLink(Uri Url, DateTimeOffset ExpiresAt);
