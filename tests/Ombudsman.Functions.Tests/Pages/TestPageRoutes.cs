using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.RateLimiting;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>
/// Routes only the tests have, added to the app's one route table through the composition's last hook (both hosts
/// map the table after <c>configureServices</c> ran): a generic page form read by <see cref="PageForms"/>, a page
/// and an API route that fail, and an API form, to see the error pages without any production route that throws.
/// </summary>
internal static class TestPageRoutes
{
    public const string FormPath = "/test-form";
    public const string FaultPath = "/test-fault";
    public const string ApiFaultPath = "/api/test-fault";
    public const string ApiFormPath = "/api/test-form";

    /// <summary>What the failing routes throw: it must never reach a visitor.</summary>
    public const string FaultDetail = "Connection to the secret store 10.1.2.3 refused";

    /// <summary>The size an API form may have here; the page form's is <see cref="PageForms.MaxBytes"/>.</summary>
    public const long ApiFormLimit = 64 * 1024;

    public static Action<IServiceCollection> Add => services =>
    {
        var table = (HttpRouteTable)services.Single(d => d.ServiceType == typeof(HttpRouteTable)).ImplementationInstance!;
        table
            .Add(PageEndpoints.Page(HttpRoute.Get("TestFormPage", FormPath.TrimStart('/'), FormPage)))
            .Add(PageEndpoints.Page(HttpRoute.Post("TestFormPost", FormPath.TrimStart('/'), PostFormAsync)) with { RateLimitingPolicy = RateLimitPolicies.PublicIntake })
            .Add(PageEndpoints.Page(HttpRoute.Get("TestFaultPage", FaultPath.TrimStart('/'), Fail)))
            .Add(HttpRoute.Get("TestFaultApi", ApiFaultPath.TrimStart('/'), Fail))
            .Add(HttpRoute.Post("TestFormApi", ApiFormPath.TrimStart('/'), ApiFormAsync) with { RateLimitingPolicy = RateLimitPolicies.PublicIntake });
    };

    /// <summary>A plain form with a text field and a file, carrying the visitor's form token.</summary>
    private static IResult FormPage(HttpContext context)
    {
        var token = Visitor.PageContextOf(context).FormToken;
        return new HtmlPage(
            $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test form</title></head><body><main>
            <h1>Test form</h1>
            <form method="post" action="{FormPath}" enctype="multipart/form-data">
            <input type="hidden" name="{PageContext.FormTokenField}" value="{WebUtility.HtmlEncode(token)}">
            <label for="note">Note</label><input id="note" name="note">
            <label for="file">File</label><input id="file" name="file" type="file">
            <button type="submit">Send</button>
            </form></main></body></html>
            """,
            StatusCodes.Status200OK);
    }

    private static async Task<IResult> PostFormAsync(HttpContext context)
    {
        var posted = await PageForms.ReadAsync(context);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        var note = WebUtility.HtmlEncode(posted.Form["note"].ToString());
        return new HtmlPage($"<!doctype html><html lang=\"en\"><head><title>Received</title></head><body><h1>Received: {note}</h1><p>{posted.Form.Files.Sum(f => f.Length)} bytes</p></body></html>", StatusCodes.Status200OK);
    }

    private static async Task<IResult> ApiFormAsync(HttpContext context)
    {
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = ApiFormLimit;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return Results.Ok(new { fields = form.Count });
    }

    private static IResult Fail() => throw new InvalidOperationException(FaultDetail);
}
