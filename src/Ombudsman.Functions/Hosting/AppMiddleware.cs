using Ombudsman.Functions.Api;
using Ombudsman.Functions.Idempotency;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Security;

namespace Ombudsman.Functions.Hosting;

/// <summary>The middleware every route relies on, in one order for both hosts.</summary>
internal static class AppMiddleware
{
    public static IApplicationBuilder UseAppMiddleware(this IApplicationBuilder app)
    {
        app.UseSecurityHeaders();
        app.UseVisitorLanguage();
        app.UseProblemHandling();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseIdempotencyKeys();
        return app;
    }
}
