namespace Ombudsman.Functions.Evidence;

/// <summary>
/// The evidence endpoints' access when nothing else registers one (the app registers the token-based
/// <c>TokenCaseAccess</c> first; this is what a composition without it falls back to outside Development): nobody may
/// act on any case, rather than everybody.
/// </summary>
internal sealed class NoCaseAccess : ICaseAccess
{
    public ValueTask<CaseAccessDecision> CheckAsync(HttpContext context, string caseId, EvidenceAction action, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CaseAccessDecision.Denied);
}
