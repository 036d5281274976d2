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

        var judged = await JudgeAsync(token, caseId, party, cancellationToken);
        return judged.Verdict switch
        {
            TokenVerdict.Valid => new AccessCheck(judged.Grant, null),
            TokenVerdict.Expired => Refuse(context, "token-expired", $"The link expired at {judged.ExpiredAt:O}; ask the office for a new one."),
            _ => Refuse(context, "invalid-token", "The token is not valid for this request."),
        };
    }

    /// <summary>
    /// Judges a token the caller holds some other way (a page's cookie, a typed secret) exactly as a request's:
    /// unknown, revoked, another case's or another party's is invalid; past its lifetime it is expired.
    /// </summary>
    public async Task<JudgedToken> JudgeAsync(string? token, string? caseId, AccessParty party, CancellationToken cancellationToken)
    {
        var grant = token is null ? null : await store.FindAsync(token, cancellationToken);
        if (grant is null || grant.RevokedAt is not null || grant.Party != party || (caseId is not null && grant.CaseId != caseId))
        {
            return new JudgedToken(TokenVerdict.Invalid, null, null);
        }

        if (await expiry.ExpiresAtAsync(grant, cancellationToken) is { } expires && time.GetUtcNow() > expires)
        {
            return new JudgedToken(TokenVerdict.Expired, null, expires);
        }

        return new JudgedToken(TokenVerdict.Valid, grant, null);
    }

    /// <summary>The grant of a token a page holds (the case cookie) when <see cref="JudgeAsync"/> finds it valid, else null.</summary>
    public async Task<AccessGrant?> GrantOfAsync(string? token, string caseId, AccessParty party, CancellationToken cancellationToken) =>
        (await JudgeAsync(token, caseId, party, cancellationToken)).Grant;

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

/// <summary>What a token is worth: valid (with its grant), invalid (a stranger learns nothing more), or expired.</summary>
internal sealed record JudgedToken(TokenVerdict Verdict, AccessGrant? Grant, DateTimeOffset? ExpiredAt);

internal enum TokenVerdict
{
    Invalid,
    Valid,
    Expired,
}
