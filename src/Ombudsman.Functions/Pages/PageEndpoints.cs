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
    public static HttpRouteTable AddPageRoutes(this HttpRouteTable routes) => routes
        .Add(Page(HttpRoute.Get("HomePage", "", HomeAsync)))
        .Add(Page(HttpRoute.Get("PageAsset", PageAssets.PathPrefix.Trim('/') + "/{name}", Asset)));

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
