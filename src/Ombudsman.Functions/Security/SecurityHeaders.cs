using Microsoft.Extensions.Primitives;

namespace Ombudsman.Functions.Security;

/// <summary>
/// Headers every response carries, errors and unknown routes included: no MIME sniffing, no referrer (a page opened
/// from a link with <c>?token=</c> must not hand that URL to the next site), no framing, a Content-Security-Policy that
/// allows nothing by default, and <c>Cache-Control: no-store</c> on everything except the public, person-free data
/// (the statute rules, the holiday calendar, the OpenAPI document, the pages' stylesheet). A page that needs more (the receipt's inline
/// style) sets its own policy, which is kept.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>For responses that set no policy of their own: nothing may load, nobody may frame, no form may post.</summary>
    public const string DefaultContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Paths whose answers hold no personal data and are the same for everyone, so caches may keep them.</summary>
    private static readonly string[] PublicPrefixes = ["/api/statute/", "/openapi/", "/assets/"];

    /// <summary>Under a public prefix, but for staff only: the calendar versions name who published them.</summary>
    private static readonly string[] StaffOnlyPrefixes = ["/api/statute/calendars"];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var response = context.Response;

        // Now, for hosts that never start a response themselves (the Functions worker hands the context back), and
        // again when it starts, because the exception handler clears every header before it writes the error.
        Apply(context);
        response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>Whether the answer at this path may be cached (public, person-free data only).</summary>
    public static bool IsPublicData(PathString path) =>
        PublicPrefixes.Any(prefix => path.StartsWithSegments(prefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        && !StaffOnlyPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = DefaultContentSecurityPolicy;
        }

        if (!IsPublicData(context.Request.Path))
        {
            headers.CacheControl = "no-store";
        }
    }
}
