using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Web.Pages.Staff;
using Ombudsman.Workflows.Offices;

namespace Ombudsman.Functions.StaffPages;

/// <summary>
/// Signing in to the staff console. In Azure, App Service authentication signs staff in with Entra ID and the app
/// only sends them to its login address; locally, in Development only, a page picks one of the sample staff
/// (<see cref="DevelopmentStaff"/>) and keeps the choice in a cookie the development scheme reads.
/// </summary>
internal static class StaffSignIn
{
    private const string EasyAuthLogin = "/.auth/login/aad";
    private const string EasyAuthLogout = "/.auth/logout";

    public static HttpRouteTable AddStaffSignInRoutes(this HttpRouteTable routes) => routes
        .Add(PageEndpoints.Page(HttpRoute.Get("StaffSignInPage", ConsoleRoutes.SignIn.TrimStart('/'), ShowAsync)))
        .Add(PageEndpoints.Page(HttpRoute.Post("StaffSignIn", ConsoleRoutes.SignIn.TrimStart('/'), SignInAsync)))
        .Add(PageEndpoints.Page(HttpRoute.Post("StaffSignOut", ConsoleRoutes.SignOut.TrimStart('/'), SignOutAsync)));

    /// <summary>Where a visitor who is not signed in goes to sign in and come back to <paramref name="returnTo"/>.</summary>
    public static string AddressFor(HttpContext context, string returnTo)
    {
        var identity = context.RequestServices.GetRequiredService<IOptions<StaffIdentityOptions>>().Value;
        return identity.EasyAuthEnabled && !identity.DevelopmentSchemeEnabled
            ? EasyAuthLogin + "?post_login_redirect_uri=" + Uri.EscapeDataString(returnTo)
            : ConsoleRoutes.SignInThenReturnTo(returnTo);
    }

    private static Task<IResult> ShowAsync(HttpContext context, string? returnUrl, IOptions<StaffIdentityOptions> identity, PageResponder pages, IStringLocalizer<StaffText> s, DevelopmentStaff staff, OfficeDirectory offices)
    {
        var returnTo = ConsoleRoutes.IsConsoleAddress(returnUrl) ? returnUrl! : ConsoleRoutes.Today;
        if (!identity.Value.DevelopmentSchemeEnabled)
        {
            return identity.Value.EasyAuthEnabled
                ? Task.FromResult(PageResponder.SeeOther(AddressFor(context, returnTo)))
                : NotAvailableAsync(context, pages, s);
        }

        return RenderAsync(context, pages, s, staff, offices, returnTo, new Dictionary<string, string>(), StatusCodes.Status200OK);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IOptions<StaffIdentityOptions> identity, PageResponder pages, IStringLocalizer<StaffText> s, DevelopmentStaff staff, OfficeDirectory offices)
    {
        if (!identity.Value.DevelopmentSchemeEnabled)
        {
            return await NotAvailableAsync(context, pages, s);
        }

        var posted = await PageForms.ReadAsync(context);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        var returnUrl = posted.Form["returnUrl"].ToString();
        var returnTo = ConsoleRoutes.IsConsoleAddress(returnUrl) ? returnUrl : ConsoleRoutes.Today;
        if (staff.Find(posted.Form["staffId"].ToString()) is not { } member)
        {
            return await RenderAsync(context, pages, s, staff, offices, returnTo, new Dictionary<string, string> { ["staffId"] = s["SignIn.MemberRequired"] }, StatusCodes.Status400BadRequest);
        }

        if (returnTo == ConsoleRoutes.Today && !member.Roles.Any(StaffRoles.IsKnown))
        {
            // A member without a case role (the national reviewer) has only the statistics to open.
            returnTo = ConsoleRoutes.Statistics;
        }

        context.Response.Cookies.Append(DevelopmentStaff.CookieName, member.Id, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            Path = "/",
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
        });
        return PageResponder.SeeOther(returnTo);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IOptions<StaffIdentityOptions> identity)
    {
        var posted = await PageForms.ReadAsync(context);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        context.Response.Cookies.Delete(DevelopmentStaff.CookieName, new CookieOptions { Path = "/" });
        return PageResponder.SeeOther(identity.Value.EasyAuthEnabled && !identity.Value.DevelopmentSchemeEnabled
            ? EasyAuthLogout + "?post_logout_redirect_uri=" + Uri.EscapeDataString(ConsoleRoutes.Today)
            : ConsoleRoutes.SignIn);
    }

    private static Task<IResult> RenderAsync(
        HttpContext context, PageResponder pages, IStringLocalizer<StaffText> s, DevelopmentStaff staff, OfficeDirectory offices, string returnTo, IReadOnlyDictionary<string, string> errors, int status)
    {
        IReadOnlyList<SignInOffice> choices =
        [
            .. offices.All.Select(o => new SignInOffice(
                o.Name,
                [.. staff.All.Where(m => m.Office == o.OfficeId).Select(m => new SignInMember(m.Id, $"{m.Name}, {string.Join(", ", m.Roles.Select(r => StaffConsole.RoleName(s, r, context.RequestServices.GetRequiredService<IStringLocalizer<ConsoleStatsText>>())))}"))])),
        ];
        return pages.RenderAsync<StaffSignInPage>(
            context,
            new Dictionary<string, object?> { ["Offices"] = choices, ["ReturnUrl"] = returnTo, ["Errors"] = errors },
            status);
    }

    private static Task<IResult> NotAvailableAsync(HttpContext context, PageResponder pages, IStringLocalizer<StaffText> s) =>
        pages.MessageAsync(
            context,
            new MessageModel(s["SignIn.NotAvailableTitle"], s["SignIn.NotAvailableMessage"], IsError: true) { NextSteps = [s["SignIn.NotAvailableNextStep"]] },
            StatusCodes.Status404NotFound);
}
