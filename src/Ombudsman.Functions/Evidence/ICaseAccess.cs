namespace Ombudsman.Functions.Evidence;

/// <summary>
/// The authorization hook of the evidence endpoints: who may upload or read a case's files, and as which party
/// (tracking token, provider capability link, staff of the case's office). The case APIs (issue 5 parts 1, 3, 4) implement it;
/// until then <see cref="DevelopmentCaseAccess"/> (Development only) or <see cref="NoCaseAccess"/> is registered.
/// </summary>
internal interface ICaseAccess
{
    ValueTask<CaseAccessDecision> CheckAsync(HttpContext context, string caseId, EvidenceAction action, CancellationToken cancellationToken);
}
