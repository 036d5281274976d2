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
    public const string TokenRequired = "token-required";
    public const string InvalidToken = "invalid-token";
    public const string TokenExpired = "token-expired";

    public async Task<AccessCheck> CheckAsync(HttpContext context, string? caseId, AccessParty party, CancellationToken cancellationToken)
    {
        var judged = await JudgeAsync(AccessToken.From(context.Request), caseId, party, cancellationToken);
        return judged.Refusal switch
        {
            null => new AccessCheck(judged.Grant, null),
            TokenRequired => Refuse(context, TokenRequired, "This request needs the case's token: 'Authorization: Bearer <token>' or '?token='."),
            TokenExpired => Refuse(context, TokenExpired, $"The link expired at {judged.ExpiredAt:O}; ask the office for a new one."),
            _ => Refuse(context, InvalidToken, "The token is not valid for this request."),
        };
    }

    /// <summary>
    /// Judges a token however it arrived (a header, a link, a page's cookie) exactly as <see cref="CheckAsync"/> does.
    /// A refused token that was once this case's and party's (revoked or expired) keeps its grant in
    /// <see cref="TokenJudgement.FormerGrant"/>, so a page can say whom to ask for a new one.
    /// </summary>
    public async Task<TokenJudgement> JudgeAsync(string? token, string? caseId, AccessParty party, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            return new TokenJudgement(null, TokenRequired, null, null);
        }

        var grant = await store.FindAsync(token, cancellationToken);
        if (grant is null || grant.Party != party || (caseId is not null && grant.CaseId != caseId))
        {
            return new TokenJudgement(null, InvalidToken, null, null);
        }

        if (grant.RevokedAt is not null)
        {
            return new TokenJudgement(null, InvalidToken, null, grant);
        }

        if (await expiry.ExpiresAtAsync(grant, cancellationToken) is { } expires && time.GetUtcNow() > expires)
        {
            return new TokenJudgement(null, TokenExpired, expires, grant);
        }

        return new TokenJudgement(grant, null, null, null);
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

/// <summary>
/// What a token is worth: the grant when good; else the refusal code (<see cref="CallerAccess.TokenRequired"/>,
/// <see cref="CallerAccess.InvalidToken"/>, <see cref="CallerAccess.TokenExpired"/>), when it expired, and for a
/// revoked or expired token of this case and party the grant it used to be.
/// </summary>
internal sealed record TokenJudgement(AccessGrant? Grant, string? Refusal, DateTimeOffset? ExpiredAt, AccessGrant? FormerGrant)
{
    public TokenVerdict Verdict => Grant is not null ? TokenVerdict.Valid : Refusal == CallerAccess.TokenExpired ? TokenVerdict.Expired : TokenVerdict.Invalid;
}

/// <summary>What a token is worth in short: valid, invalid (a stranger learns nothing more), or expired.</summary>
internal enum TokenVerdict
{
    Invalid,
    Valid,
    Expired,
}
