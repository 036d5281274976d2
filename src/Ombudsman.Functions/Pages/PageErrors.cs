using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Api;
using Ombudsman.Web;
using Ombudsman.Web.Pages;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// Errors on a page's path answered as a page in the visitor's language (the API keeps problem+json): an unknown
/// address, a refused method, a request too large, too many requests, a request that cannot be accepted, a server
/// fault. The fault itself is logged by <see cref="DomainExceptionHandler"/>; the page never shows it.
/// </summary>
internal static class PageErrors
{
    /// <summary>The error page for a status code, in the visitor's language.</summary>
    public static Task<IResult> PageAsync(HttpContext context, int status)
    {
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<Text>>();
        var pages = context.RequestServices.GetRequiredService<PageResponder>();
        var model = status switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => new MessageModel(t["Error.NotFoundTitle"], t["Error.NotFoundMessage"], IsError: true),
            StatusCodes.Status413PayloadTooLarge => new MessageModel(t["Error.TooLargeTitle"], t["Error.TooLargeMessage"], IsError: true)
            {
                NextSteps = [t["Error.TooLargeNextStep"]],
            },
            StatusCodes.Status429TooManyRequests => new MessageModel(t["Error.RateLimitedTitle"], t["Error.RateLimitedMessage"], IsError: true)
            {
                NextSteps = [t["Error.RateLimitedNextStep"]],
            },
            >= 400 and < 500 => new MessageModel(t["Error.BadRequestTitle"], t["Error.BadRequestMessage"], IsError: true)
            {
                NextSteps = [t["Error.BadRequestNextStep"]],
            },
            _ => new MessageModel(t["Error.ServerTitle"], t["Error.ServerMessage"], IsError: true) { NextSteps = [t["Error.ServerNextStep"]] },
        };
        return pages.MessageAsync(context, model with { Links = [(t["Error.HomeLink"], Routes.Home)] }, status);
    }

    /// <summary>Writes the error page for a bare status code; false when the path is not a page's.</summary>
    public static async Task<bool> TryWriteStatusPageAsync(HttpContext context)
    {
        if (!Visitor.IsPagePath(context.Request.Path) || context.Response.HasStarted)
        {
            return false;
        }

        var page = await PageAsync(context, context.Response.StatusCode);
        await page.ExecuteAsync(context);
        return true;
    }

    /// <summary>
    /// Answers an exception on a page's path with the page of the status the API would give it (a body too large for
    /// the server: 413; a domain refusal: its status), anything else with the server-error page.
    /// </summary>
    internal sealed class ExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!Visitor.IsPagePath(httpContext.Request.Path))
            {
                return false;
            }

            httpContext.Response.StatusCode = DomainExceptionHandler.ProblemOf(exception)?.Status ?? StatusCodes.Status500InternalServerError;
            return await TryWriteStatusPageAsync(httpContext);
        }
    }
}
