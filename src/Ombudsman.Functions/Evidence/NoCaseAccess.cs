namespace Ombudsman.Functions.Evidence;

/// <summary>The safe default outside Development until the case APIs supply the real <see cref="ICaseAccess"/>: nobody may act on any case.</summary>
internal sealed class NoCaseAccess : ICaseAccess
{
    public ValueTask<CaseAccessDecision> CheckAsync(HttpContext context, string caseId, EvidenceAction action, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CaseAccessDecision.Denied);
}
