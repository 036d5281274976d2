using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Assignment;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Workflows.Offices;

namespace Ombudsman.Functions.StaffPages;

/// <summary>
/// What every staff console page shares: only a signed-in staff member of an office reaches its handler (anyone else
/// is sent to sign in), and the header says who that is. A member sees only their own office's cases; handlers look
/// cases up through the member's office exactly as the staff API does, so another office's case is a missing one.
/// </summary>
internal static class StaffConsole
{
    /// <summary>A console page route: a page (left out of the OpenAPI document) that needs a signed-in staff member.</summary>
    public static HttpRoute Page(HttpRoute route) => PageEndpoints.Page(route) with { Filters = [RequireStaffAsync, .. route.Filters] };

    /// <summary>
    /// A statistics route: like <see cref="Page"/>, but it also admits a national reviewer, who has no case role
    /// (<see cref="StaffMember.StatisticsReaderFrom"/>); the handler takes the member from <see cref="StatisticsReader"/>.
    /// </summary>
    public static HttpRoute StatisticsPage(HttpRoute route) => PageEndpoints.Page(route) with { Filters = [RequireStatisticsReaderAsync, .. route.Filters] };

    /// <summary>The signed-in member who may read statistics; only for handlers behind <see cref="StatisticsPage"/>.</summary>
    public static StaffMember StatisticsReader(HttpContext context) =>
        StaffMember.StatisticsReaderFrom(context.User) ?? throw new InvalidOperationException("A statistics page ran for a visitor who may not read statistics.");

    /// <summary>The signed-in member; only for handlers behind <see cref="Page"/>.</summary>
    public static StaffMember Member(HttpContext context) =>
        StaffMember.From(context.User) ?? throw new InvalidOperationException("A console page ran for a visitor who is not a signed-in staff member.");

    /// <summary>The header's line on the signed-in member: name, office name and roles in the visitor's language.</summary>
    public static StaffBadge Badge(HttpContext context)
    {
        var member = StaffMember.StatisticsReaderFrom(context.User) ?? Member(context);
        var offices = context.RequestServices.GetRequiredService<OfficeDirectory>();
        var s = context.RequestServices.GetRequiredService<IStringLocalizer<StaffText>>();
        var stats = context.RequestServices.GetRequiredService<IStringLocalizer<ConsoleStatsText>>();
        return new StaffBadge(member.Name, offices.Find(member.Office)?.Name ?? member.Office, string.Join(", ", member.Roles.Select(r => RoleName(s, r, stats))))
        {
            // A national reviewer alone opens no case: the navigation offers them the statistics only.
            WorksOnCases = StaffMember.From(context.User) is not null,
        };
    }

    /// <summary>A staff role as people call it, in the visitor's language (the national reviewer's name is a statistics text).</summary>
    public static string RoleName(IStringLocalizer<StaffText> s, string role, IStringLocalizer<ConsoleStatsText>? stats = null) => role switch
    {
        StaffRoles.IntakeOfficer => s["Role.IntakeOfficer"],
        StaffRoles.Examiner => s["Role.Examiner"],
        StaffRoles.HeadOfOffice => s["Role.HeadOfOffice"],
        StaffRoles.Adjudicator => s["Role.Adjudicator"],
        StaffRoles.NationalReviewer when stats is not null => stats["Role.NationalReviewer"],
        _ => role,
    };

    private static async ValueTask<object?> RequireStaffAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        // The office learns who its staff are as they use the console, so a case can be assigned to any of them.
        var context = invocation.HttpContext;
        if (StaffMember.From(context.User) is { } member)
        {
            await context.RequestServices.GetRequiredService<StaffDirectory>().RecordAsync(member, context.RequestAborted);
        }

        return await RequireAsync(invocation, next, StaffMember.From);
    }

    private static ValueTask<object?> RequireStatisticsReaderAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next) =>
        RequireAsync(invocation, next, StaffMember.StatisticsReaderFrom);

    private static async ValueTask<object?> RequireAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, Func<System.Security.Claims.ClaimsPrincipal, StaffMember?> admitted)
    {
        var context = invocation.HttpContext;
        if (admitted(context.User) is not null)
        {
            return await next(invocation);
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            // Signed in (in Azure, by Entra ID) but without an office or a staff role: signing in again changes nothing.
            var s = context.RequestServices.GetRequiredService<IStringLocalizer<StaffText>>();
            return await context.RequestServices.GetRequiredService<PageResponder>().MessageAsync(
                context,
                new MessageModel(s["SignIn.NotStaffTitle"], s["SignIn.NotStaffMessage"], IsError: true) { NextSteps = [s["SignIn.NotStaffNextStep"]] },
                StatusCodes.Status403Forbidden);
        }

        // After signing in, a GET comes back to where it was; a form posted without a session cannot be replayed.
        var returnTo = HttpMethods.IsGet(context.Request.Method) ? context.Request.Path + context.Request.QueryString : ConsoleRoutes.Today;
        return PageResponder.SeeOther(StaffSignIn.AddressFor(context, returnTo));
    }
}
