using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Ombudsman.Web;
using Ombudsman.Web.Pages;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// Errors on a page's path answered as a page in the visitor's language (the API keeps problem+json): an unknown
/// address, a refused method, too many requests, a server fault. The fault itself is logged by the exception handler.
/// </summary>
internal static class PageErrors
{
    /// <summary>Writes the error page for a bare status code; false when the path is not a page's.</summary>
    public static async Task<bool> TryWriteStatusPageAsync(HttpContext context)
    {
        if (!Visitor.IsPagePath(context.Request.Path) || context.Response.HasStarted)
        {
            return false;
        }

        var t = context.RequestServices.GetRequiredService<IStringLocalizer<Text>>();
        var pages = context.RequestServices.GetRequiredService<PageResponder>();
        var status = context.Response.StatusCode;
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
            _ => new MessageModel(t["Error.ServerTitle"], t["Error.ServerMessage"], IsError: true) { NextSteps = [t["Error.ServerNextStep"]] },
        };
        model = model with { Links = [(t["Error.HomeLink"], Routes.Home)] };
        var page = (HtmlPage)await pages.MessageAsync(context, model, status);
        await page.ExecuteAsync(context);
        return true;
    }

    /// <summary>Answers an unhandled fault on a page's path with the server-error page (after it was logged).</summary>
    internal sealed class ExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!Visitor.IsPagePath(httpContext.Request.Path))
            {
                return false;
            }

            httpContext.Response.StatusCode = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            return await TryWriteStatusPageAsync(httpContext);
        }
    }
}
