using Microsoft.Extensions.Options;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Access;

/// <summary>
/// Issues and revokes the provider's per-case capability link. A link exists once the case is routed and a response
/// deadline runs (a rule the case's rule set says the provider answers: the decision, the clarification); it expires with that deadline
/// plus ProviderLinks:Grace. One link is active per case: issuing a new one revokes the old.
/// </summary>
internal sealed class ProviderLinks(
    AccessTokenStore store, CaseReadModel cases, ProviderPageAddress pages, RuleSetCatalog ruleSets, TimeProvider time, IOptions<ProviderLinkOptions> options)
{
    /// <summary>
    /// The case's deadlines that are the provider's to meet (its rule set's rules answered by the provider), in the rule
    /// set's order: a link is issued while one runs.
    /// </summary>
    internal static IEnumerable<OpenDeadline> ResponseDeadlines(CaseStatus status, RuleSetCatalog ruleSets) =>
        status.RuleSetVersion is { } version && ruleSets.TryGet(version, out var ruleSet)
            ? ruleSet!.AnsweredBy(RuleParty.Provider)
                .Select(rule => status.OpenDeadlines.FirstOrDefault(d => d.RuleId == rule.Id))
                .OfType<OpenDeadline>()
            : [];

    public async Task<ProviderLink> IssueAsync(string caseId, CancellationToken cancellationToken)
    {
        var status = (await cases.GetAsync(caseId, cancellationToken))?.Status
            ?? throw new DomainException(DomainErrorKind.NotFound, "case-not-found", $"No case '{caseId}'.");
        var deadline = ResponseDeadlines(status, ruleSets).FirstOrDefault()
            ?? throw new DomainException(
                DomainErrorKind.Conflict,
                "provider-link-not-available",
                $"Case '{caseId}' has no provider response deadline running (stage {status.Stage}); a link is issued once the case is routed.");

        var now = time.GetUtcNow();
        await store.RevokeAsync(caseId, AccessParty.Provider, now, cancellationToken);
        var expires = deadline.DueAt + options.Value.Grace;
        var token = await store.IssueAsync(
            new AccessGrant { CaseId = caseId, Party = AccessParty.Provider, IssuedAt = now, ExpiresAt = expires, RespondBy = deadline.DueAt },
            cancellationToken);
        return new ProviderLink
        {
            CaseId = caseId,
            Token = token,
            Url = $"/api/provider/cases/{Uri.EscapeDataString(caseId)}?token={token}",
            PageUrl = pages.WithToken(caseId, token),
            RespondBy = deadline.DueAt,
            RuleId = deadline.RuleId,
            Citation = deadline.Citation,
            ProvisionalYears = deadline.ProvisionalYears,
            ExpiresAt = expires,
        };
    }

    /// <summary>Revokes the case's provider link(s) at once; true when one was active.</summary>
    public async Task<bool> RevokeAsync(string caseId, CancellationToken cancellationToken) =>
        await store.RevokeAsync(caseId, AccessParty.Provider, time.GetUtcNow(), cancellationToken) > 0;
}
