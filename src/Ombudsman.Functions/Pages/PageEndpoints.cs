using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// The public pages (HTML for people, next to the API for programs) and the files they load, from the same route
/// table as the API. Pages are left out of the OpenAPI document.
/// </summary>
internal static class PageEndpoints
{
    /// <summary>
    /// Any address whose first segment is not the API's or the OpenAPI document's. Every other route wins over it (a
    /// literal segment beats a parameter in both hosts' routing), so it only gets what no route serves: in Azure the
    /// Functions host routes and would answer those with a bare 404, here they get the not-found page in the
    /// visitor's language as in the local host. The site's root is the home page's: this needs a first segment.
    /// </summary>
    public const string UnknownPageTemplate = "{page:regex(^(?!(api|openapi)$))}/{*rest}";

    public static HttpRouteTable AddPageRoutes(this HttpRouteTable routes) => routes
        .Add(Page(HttpRoute.Get("HomePage", "", HomeAsync)))
        .Add(Page(HttpRoute.Get("PageAsset", PageAssets.PathPrefix.Trim('/') + "/{name}", Asset)))
        .Add(Page(HttpRoute.Get("NotFoundPage", UnknownPageTemplate, UnknownPage)));

    /// <summary>A page route: not part of the API's description.</summary>
    public static HttpRoute Page(HttpRoute route) => route with { Describe = b => b.ExcludeFromDescription() };

    /// <summary>The message page for a POST whose form token is missing or not the visitor's (nothing was done).</summary>
    public static Task<IResult> FormExpiredAsync(HttpContext context, PageResponder pages, IStringLocalizer<Text> t) =>
        pages.MessageAsync(
            context,
            new MessageModel(t["Error.FormExpiredTitle"], t["Error.FormExpiredMessage"], IsError: true)
            {
                NextSteps = [t["Error.FormExpiredNextStep"]],
                Links = [(t["Error.HomeLink"], Routes.Home)],
            },
            StatusCodes.Status400BadRequest);

    private static Task<IResult> HomeAsync(HttpContext context, PageResponder pages) => pages.RenderAsync<HomePage>(context);

    /// <summary>No page here: the 404 page, written by the error pages as for any unknown address.</summary>
    private static IResult UnknownPage() => Results.NotFound();

    private static IResult Asset(HttpContext context, string name)
    {
        if (PageAssets.Find(name) is not { } asset)
        {
            return Results.NotFound();
        }

        // The name carries the content's hash: the file under it never changes.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(asset.Content, asset.ContentType, entityTag: new EntityTagHeaderValue($"\"{asset.Hash}\""));
    }
}
