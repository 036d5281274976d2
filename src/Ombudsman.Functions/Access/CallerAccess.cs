using Ombudsman.Functions.Api;

namespace Ombudsman.Functions.Access;

/// <summary>
/// Checks the token a case request carries against the case and the party the endpoint serves. Refusals are
/// 401 problem+json: <c>token-required</c>, <c>invalid-token</c> (unknown, revoked, another case or party: a stranger
/// learns nothing), <c>token-expired</c> (a provider link past its grace, a complainant token past
/// Access:ComplainantTokenLifetimeAfterClose after the case closed).
/// </summary>
internal sealed class CallerAccess(AccessTokenStore store, ComplainantTokenExpiry expiry, TimeProvider time)
{
    public async Task<AccessCheck> CheckAsync(HttpContext context, string? caseId, AccessParty party, CancellationToken cancellationToken)
    {
        var token = AccessToken.From(context.Request);
        if (token is null)
        {
            return Refuse(context, "token-required", "This request needs the case's token: 'Authorization: Bearer <token>' or '?token='.");
        }

        var (grant, expires) = await JudgeAsync(token, caseId, party, cancellationToken);
        if (grant is null)
        {
            return Refuse(context, "invalid-token", "The token is not valid for this request.");
        }

        if (expires is { } at)
        {
            return Refuse(context, "token-expired", $"The link expired at {at:O}; ask the office for a new one.");
        }

        return new AccessCheck(grant, null);
    }

    /// <summary>
    /// The grant of a token a page holds (the case cookie), judged exactly as <see cref="CheckAsync"/> judges a request's:
    /// null when the token is unknown, revoked, for another case or party, or expired.
    /// </summary>
    public async Task<AccessGrant?> GrantOfAsync(string? token, string caseId, AccessParty party, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            return null;
        }

        var (grant, expired) = await JudgeAsync(token, caseId, party, cancellationToken);
        return expired is null ? grant : null;
    }

    /// <summary>The token's grant (null when not valid here) and, when it has expired, the instant it did.</summary>
    private async Task<(AccessGrant? Grant, DateTimeOffset? ExpiredAt)> JudgeAsync(string token, string? caseId, AccessParty party, CancellationToken cancellationToken)
    {
        var grant = await store.FindAsync(token, cancellationToken);
        if (grant is null || grant.RevokedAt is not null || grant.Party != party || (caseId is not null && grant.CaseId != caseId))
        {
            return (null, null);
        }

        return await expiry.ExpiresAtAsync(grant, cancellationToken) is { } expires && time.GetUtcNow() > expires ? (grant, expires) : (grant, null);
    }

    private static AccessCheck Refuse(HttpContext context, string code, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return new AccessCheck(
            null,
            Problems.Result(StatusCodes.Status401Unauthorized, code, "Unauthorized", detail, [new("token", code, detail)]));
    }
}

/// <summary>The grant when the token is good, else the problem to answer.</summary>
internal sealed record AccessCheck(AccessGrant? Grant, IResult? Refusal);
