using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Identity;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Access;

/// <summary>
/// The evidence endpoints' access hook on the case tokens: a complainant's tracking token acts as the complainant, a
/// provider link as the provider (uploads after the response deadline are marked late). Without a token, an
/// authenticated staff member (the staff scheme of <see cref="StaffIdentityServiceCollectionExtensions"/>, which
/// UseAuthentication has already run) acts as staff on the cases of their own office; another office's case is
/// refused like a missing one. Otherwise the development scheme answers when it is enabled, else nobody may.
/// </summary>
internal sealed class TokenCaseAccess(AccessTokenStore store, CaseReadModel cases, ComplainantTokenExpiry expiry, TimeProvider time, ICaseAccess? withoutToken) : ICaseAccess
{
    public async ValueTask<CaseAccessDecision> CheckAsync(HttpContext context, string caseId, EvidenceAction action, CancellationToken cancellationToken)
    {
        var token = AccessToken.From(context.Request);
        if (token is null)
        {
            if (StaffMember.From(context.User) is { } member)
            {
                var status = (await cases.GetAsync(caseId, cancellationToken))?.Status;
                return status is not null && status.Office == member.Office ? CaseAccessDecision.Allow(EvidenceParty.Staff) : CaseAccessDecision.Denied;
            }

            return withoutToken is null ? CaseAccessDecision.Denied : await withoutToken.CheckAsync(context, caseId, action, cancellationToken);
        }

        var grant = await store.FindAsync(token, cancellationToken);
        var now = time.GetUtcNow();
        if (grant is null || grant.CaseId != caseId || grant.RevokedAt is not null
            || (await expiry.ExpiresAtAsync(grant, cancellationToken) is { } expires && now > expires))
        {
            return CaseAccessDecision.Denied;
        }

        return grant.Party == AccessParty.Provider
            ? CaseAccessDecision.Allow(EvidenceParty.Provider, late: grant.RespondBy is { } due && now > due)
            : CaseAccessDecision.Allow(EvidenceParty.Complainant);
    }
}
