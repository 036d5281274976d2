using Ombudsman.Functions.Access;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// Where a browser keeps a case's token between pages: one HttpOnly cookie per case and party, sent only to that
/// case's pages (<c>/track/{caseId}</c> for the complainant, <c>/provider/{caseId}</c> for the provider), never to
/// script and never with a cross-site POST. A link with <c>?token=</c> is exchanged for the cookie and redirected to
/// the address without it, so the token leaves the address bar, the history and any log.
/// </summary>
internal static class CaseCookies
{
    public static string PathOf(AccessParty party, string caseId) => party switch
    {
        AccessParty.Complainant => Web.Routes.Case(caseId),
        AccessParty.Provider => Web.Routes.ProviderCase(caseId),
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, "Only complainants and providers use case pages."),
    };

    public static void Remember(HttpContext context, AccessParty party, string caseId, string token) =>
        context.Response.Cookies.Append(NameOf(party), token, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            Path = PathOf(party, caseId),
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
        });

    /// <summary>The token the browser holds for this case and party, if any (judged by <see cref="CallerAccess"/> like any other).</summary>
    public static string? TokenOf(HttpContext context, AccessParty party) =>
        context.Request.Cookies[NameOf(party)] is { Length: > 0 } token ? token : null;

    public static void Forget(HttpContext context, AccessParty party, string caseId) =>
        context.Response.Cookies.Delete(NameOf(party), new CookieOptions { Path = PathOf(party, caseId), Secure = context.Request.IsHttps });

    // The path scopes the cookie to its case, so one name serves every case a browser follows.
    private static string NameOf(AccessParty party) => party == AccessParty.Complainant ? "ombudsman-case" : "ombudsman-provider";
}
