using System.Globalization;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Assignment;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages.Staff;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Functions.StaffPages;

/// <summary>
/// Assigning a case of the office to an officer from the console's case page. The head of office assigns, reassigns
/// or unassigns it to any officer the office's staff directory knows; an examiner or an intake officer takes an
/// unassigned case for themselves or hands back their own. Another office's case is a missing one (404); an officer
/// the office does not know is an error next to the field, and nothing is stored. Each change is a staff-only entry
/// of the case's timeline, never shown to the complainant or the provider.
/// </summary>
internal static class AssignmentPages
{
    /// <summary>The case page's "done" value after a change of assignment.</summary>
    public const string Done = "assignment";

    public static HttpRouteTable AddAssignmentConsoleRoutes(this HttpRouteTable routes) => routes
        .Add(StaffConsole.Page(HttpRoute.Post("StaffConsoleAssignCase", "staff/cases/{caseId}/assignment", AssignAsync)));

    /// <summary>
    /// The case page's assignment panel for <paramref name="member"/>: who has the case, and the form their roles allow;
    /// <paramref name="chosen"/> and <paramref name="error"/> come from a refused form.
    /// </summary>
    public static async Task<StaffAssignmentPanel> PanelAsync(
        StaffMember member, string caseId, string office, IServiceProvider services, CancellationToken cancellationToken, string? chosen = null, string? error = null)
    {
        var assignments = services.GetRequiredService<CaseAssignments>();
        var directory = services.GetRequiredService<StaffDirectory>();
        var a = services.GetRequiredService<IStringLocalizer<ConsoleAssignText>>();
        var s = services.GetRequiredService<IStringLocalizer<StaffText>>();
        var offices = services.GetRequiredService<Workflows.Offices.OfficeDirectory>();
        var zone = offices.Find(office)?.TimeZone ?? Workflows.Statute.OfficeTimeZone.Wib;
        var language = ConsoleCaseRows.Language;

        var current = await assignments.CurrentAsync(caseId, cancellationToken);
        var status = current is null
            ? a["Assign.Nobody"]
            : current.AssigneeId == member.Id
                ? string.Format(CultureInfo.CurrentCulture, a["Assign.CurrentMe"], NotificationDates.DateTime(current.AssignedAt, zone, language), current.AssignedByName)
                : string.Format(CultureInfo.CurrentCulture, a["Assign.Current"], current.AssigneeName, NotificationDates.DateTime(current.AssignedAt, zone, language), current.AssignedByName);
        var panel = new StaffAssignmentPanel(ConsoleRoutes.CaseAssignment(caseId), status, a["Assign.Rules"], current?.AssigneeId ?? "");
        if (StaffActionPermissions.MayAssign(member))
        {
            var staff = await directory.ListAsync(office, cancellationToken);
            return panel with
            {
                Choices = [.. staff.Select(m => new StaffOption(m.Id, $"{m.Name} · {string.Join(", ", m.Roles.Select(r => StaffConsole.RoleName(s, r)))}"))],
                Chosen = chosen ?? current?.AssigneeId,
                Error = error,
            };
        }

        if (!StaffActionPermissions.MayTakeCases(member))
        {
            return panel with { Note = a["Assign.NoRole"] };
        }

        return current switch
        {
            null => panel with { TakeAs = member.Id },
            { } mine when mine.AssigneeId == member.Id => panel with { Release = true },
            _ => panel with { Note = a["Assign.NotYours"] },
        };
    }

    private static async Task<IResult> AssignAsync(
        HttpContext context,
        string caseId,
        StaffCaseView view,
        CaseAssignments assignments,
        StaffDirectory directory,
        TimeProvider time,
        PageResponder pages,
        IStringLocalizer<ConsoleAssignText> a,
        CancellationToken cancellationToken)
    {
        var posted = await PageForms.ReadAsync(context);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        var member = StaffConsole.Member(context);
        if (await view.FindAsync(member, caseId, cancellationToken) is not { } filed)
        {
            return await PageErrors.PageAsync(context, StatusCodes.Status404NotFound);
        }

        var assigneeId = posted.Form["assignee"].ToString().Trim();
        var expected = posted.Form["expected"].ToString().Trim();
        var office = filed.Status!.Office;

        async Task<IResult> PageAsync(int status, string? error = null, string? refusal = null)
        {
            var model = await view.BuildAsync(member, filed, null, cancellationToken);
            return await pages.RenderAsync<StaffCasePage>(
                context,
                new Dictionary<string, object?>
                {
                    [nameof(StaffCasePage.Model)] = model with
                    {
                        Assignment = await PanelAsync(member, caseId, office, context.RequestServices, cancellationToken, assigneeId, error),
                        Refusal = refusal,
                    },
                    [nameof(StaffCasePage.Staff)] = StaffConsole.Badge(context),
                },
                status);
        }

        // The head of office assigns anyone; others only take the unassigned case for themselves or hand back their own.
        var taking = assigneeId == member.Id && expected.Length == 0;
        var handingBack = assigneeId.Length == 0 && expected == member.Id;
        if (!StaffActionPermissions.MayAssign(member) && !(StaffActionPermissions.MayTakeCases(member) && (taking || handingBack)))
        {
            return await PageAsync(StatusCodes.Status403Forbidden, refusal: a["Refusal.Role"]);
        }

        CaseAssignee? assignee = null;
        if (assigneeId.Length > 0)
        {
            // Only an officer of this office the console knows: an id of another office, or a made-up one, stores nothing.
            if (await directory.FindAsync(office, assigneeId, cancellationToken) is not { } known || !known.Roles.Any(StaffRoles.IsKnown))
            {
                return await PageAsync(StatusCodes.Status400BadRequest, error: a["Error.NotInOffice"]);
            }

            assignee = new CaseAssignee(known.Id, known.Name);
        }

        var change = await assignments.ChangeAsync(
            office, caseId, expected.Length == 0 ? null : expected, assignee, member.ToActor(), time.GetUtcNow(), cancellationToken);
        return change == AssignmentChange.Conflict
            ? await PageAsync(StatusCodes.Status409Conflict, refusal: a["Refusal.Changed"])
            : PageResponder.SeeOther(ConsoleRoutes.Case(caseId) + "?done=" + Done);
    }
}
