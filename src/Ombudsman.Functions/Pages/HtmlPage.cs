using Ombudsman.Web;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// A rendered page as the answer: HTML in UTF-8 with its status, the pages' Content-Security-Policy (only the app's
/// own stylesheet loads, forms post only to the app, no script) and the visitor's language.
/// </summary>
internal sealed class HtmlPage(string html, int statusCode) : IResult
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public string Html => html;

    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        await response.WriteAsync(html, httpContext.RequestAborted);
    }
}

/// <summary>Renders pages for handlers: the page component, its parameters, the request's <see cref="PageContext"/>.</summary>
internal sealed class PageResponder(PageRenderer renderer)
{
    public async Task<IResult> RenderAsync<TPage>(HttpContext context, IDictionary<string, object?>? parameters = null, int statusCode = StatusCodes.Status200OK)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new HtmlPage(await renderer.RenderAsync<TPage>(Visitor.PageContextOf(context), parameters), statusCode);

    /// <summary>A page that tells what happened and what to do next.</summary>
    public Task<IResult> MessageAsync(HttpContext context, Web.Pages.MessageModel model, int statusCode) =>
        RenderAsync<Web.Pages.MessagePage>(context, new Dictionary<string, object?> { ["Model"] = model }, statusCode);

    /// <summary>Redirect after a successful POST, so a reload never sends the form again.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
