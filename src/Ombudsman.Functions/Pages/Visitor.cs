using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Ombudsman.Web;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// The visitor of a page: the language (Bahasa Indonesia unless the visitor chose English with <c>?lang=en</c>, kept in
/// a cookie) and the anti-forgery token (a random value in a strict same-site cookie that every POST form repeats in a
/// hidden field; a cross-site form can neither read nor send it).
/// </summary>
internal static class Visitor
{
    public const string LanguageCookie = "ombudsman-lang";
    public const string FormCookie = "ombudsman-form";
    public const string DefaultLanguage = "id";

    private static readonly object FormTokenKey = new();

    /// <summary>Whether the path is a page's (answered in HTML) rather than the API's or the OpenAPI document's.</summary>
    public static bool IsPagePath(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    /// <summary>Sets the language of every page request (also for its error pages) from the query or the cookie.</summary>
    public static IApplicationBuilder UseVisitorLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsPagePath(context.Request.Path))
        {
            var language = LanguageOf(context);
            var culture = CultureInfo.GetCultureInfo(language);
            CultureInfo.CurrentUICulture = culture;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentLanguage = language;
                return Task.CompletedTask;
            });
        }

        await next(context);
    });

    public static string Language(HttpContext context) =>
        CultureInfo.CurrentUICulture.Name is "en" or "id" ? CultureInfo.CurrentUICulture.Name : DefaultLanguage;

    /// <summary>
    /// The page's context: language, its own address without <c>lang</c>, a form token (set as a cookie when new), and the
    /// act the footer names, from the rule set in force today.
    /// </summary>
    public static PageContext PageContextOf(HttpContext context) =>
        new(Language(context), PathWithoutLanguage(context.Request), FormTokenOf(context)) { Act = ActInForce(context.RequestServices) };

    /// <summary>
    /// The act the provider path's rules come from in the rule set in force today (the site takes complaints to providers
    /// under it); empty when none is in force, so that even an error page about a missing rule set renders.
    /// </summary>
    private static string ActInForce(IServiceProvider services)
    {
        if (services.GetService<RuleSetCatalog>() is not { } rules)
        {
            return "";
        }

        var today = OfficeTimeZone.Wib.DateOf((services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow());
        try
        {
            return rules.InForceOn(today).ActOf(ComplaintPath.Provider);
        }
        catch (NoRuleSetInForceException)
        {
            return "";
        }
    }

    /// <summary>Whether a posted form carries the visitor's form token.</summary>
    public static bool HasValidFormToken(HttpContext context, IFormCollection form)
    {
        var cookie = context.Request.Cookies[FormCookie];
        var posted = form[PageContext.FormTokenField].ToString();
        return !string.IsNullOrEmpty(cookie) && !string.IsNullOrEmpty(posted) &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(cookie), Encoding.UTF8.GetBytes(posted));
    }

    private static string LanguageOf(HttpContext context)
    {
        var asked = context.Request.Query["lang"].ToString();
        if (asked is "id" or "en")
        {
            context.Response.Cookies.Append(LanguageCookie, asked, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
                Path = "/",
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
            return asked;
        }

        return context.Request.Cookies[LanguageCookie] is "en" ? "en" : DefaultLanguage;
    }

    private static string FormTokenOf(HttpContext context)
    {
        if (context.Items[FormTokenKey] is string issued)
        {
            return issued;
        }

        var token = context.Request.Cookies[FormCookie];
        if (string.IsNullOrEmpty(token) || token.Length != 43)
        {
            token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            context.Response.Cookies.Append(FormCookie, token, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                Path = "/",
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
            });
        }

        context.Items[FormTokenKey] = token;
        return token;
    }

    private static string PathWithoutLanguage(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var kept = query.Where(p => p.Key is not "lang" and not "token").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, kept);
    }
}
