namespace Ombudsman.Functions.Evidence;

/// <summary>
/// The authorization hook of the evidence endpoints: who may upload or read a case's files, and as which party
/// (tracking token, provider capability link, staff of the case's office). <c>TokenCaseAccess</c> implements it, and
/// falls back to <see cref="DevelopmentCaseAccess"/> (Development only) for requests without a token.
/// </summary>
internal interface ICaseAccess
{
    ValueTask<CaseAccessDecision> CheckAsync(HttpContext context, string caseId, EvidenceAction action, CancellationToken cancellationToken);
}
