using System.Globalization;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Assignment;
using Ombudsman.Functions.Disclosure;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Offices;

namespace Ombudsman.Functions.Staff;

/// <summary>
/// The staff side of a case: the office's cases by stage and by deadline, one case with its timeline, and actions.
/// A staff member sees only their own office's cases; another office's case answers exactly like a missing one (404).
/// </summary>
internal static class StaffEndpoints
{
    public const string RoleNotAllowed = "role-not-allowed";

    public const string InvalidSuspensionReason = "invalid-suspension-reason";

    /// <summary>transfer-office names an office that is not configured, or the case's own office.</summary>
    public const string InvalidReceivingOffice = "invalid-receiving-office";

    /// <summary>How far ahead the deadline list looks when <c>to</c> is not given.</summary>
    private static readonly TimeSpan DefaultDeadlineWindow = TimeSpan.FromDays(30);

    /// <summary>Every staff route: tagged Staff, and only for a caller the staff policy admits.</summary>
    public static HttpRouteTable AddStaffRoutes(this HttpRouteTable routes) => routes
        .Add(Staff(HttpRoute.Get("StaffCases", "api/staff/cases", ListCasesAsync)) with
        {
            Describe = b => b
                .WithSummary("The cases of my office; ?stage= narrows to one stage, ?dueBefore= (ISO 8601 instant) to cases with a deadline due before it.")
                .Produces<IReadOnlyList<StaffCaseSummary>>()
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden),
        })
        .Add(Staff(HttpRoute.Get("StaffCase", "api/staff/cases/{caseId}", GetCaseAsync)) with
        {
            Describe = b => b
                .WithSummary("One case of my office: stage, deadlines, flags and the timeline of who did what when.")
                .Produces<CaseStatus>()
                .ProducesProblem(StatusCodes.Status404NotFound),
        })
        .Add(Staff(HttpRoute.Get("StaffDeadlines", "api/staff/deadlines", ListDeadlinesAsync)) with
        {
            Describe = b => b
                .WithSummary("Pending statutory deadlines of my office's cases due in [from, to) (default: now to 30 days ahead), earliest first.")
                .Produces<IReadOnlyList<StaffDeadline>>()
                .ProducesProblem(StatusCodes.Status400BadRequest),
        })
        .Add(Staff(HttpRoute.Post("StaffCaseAction", "api/staff/cases/{caseId}/actions/{action}", ActAsync)) with
        {
            AcceptsIdempotencyKey = true,
            Describe = b => b
                .WithSummary("Takes an action on a case of my office (a case event such as file-complete, mediation-outcome, close-case) as the signed-in staff member.")
                .Produces(StatusCodes.Status202Accepted)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict),
        })
        .Add(Staff(HttpRoute.Post("IssueProviderLink", "api/staff/cases/{caseId}/provider-link", IssueProviderLinkAsync)) with
        {
            AcceptsIdempotencyKey = true,
            Describe = b => b
                .WithSummary("Issues the provider's capability link of a case of my office (revoking any earlier one) and emails its page address (pageUrl) to the provider's address on file; it expires with the response deadline plus grace.")
                .Produces<ProviderLink>(StatusCodes.Status201Created)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict),
        })
        .Add(Staff(HttpRoute.Delete("RevokeProviderLink", "api/staff/cases/{caseId}/provider-link", RevokeProviderLinkAsync)) with
        {
            Describe = b => b
                .WithSummary("Revokes the provider's capability link of a case of my office at once (also when none is active).")
                .Produces(StatusCodes.Status204NoContent)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound),
        });

    /// <summary>A route for staff only: tagged Staff, behind the staff policy.</summary>
    internal static HttpRoute Staff(HttpRoute route) =>
        route with { Tags = ["Staff"], AuthorizationPolicy = StaffIdentityServiceCollectionExtensions.StaffPolicy };

    private static async Task<IResult> ListCasesAsync(HttpContext context, string? stage, string? dueBefore, CaseReadModel readModel, CancellationToken cancellationToken)
    {
        var member = Member(context);
        var errors = new List<FieldError>();
        var stageName = stage is null ? null : Enum.GetNames<CaseStage>().FirstOrDefault(n => string.Equals(n, stage, StringComparison.OrdinalIgnoreCase));
        if (stage is not null && stageName is null)
        {
            errors.Add(new FieldError("stage", "invalid-stage", $"stage must be one of {string.Join(", ", Enum.GetNames<CaseStage>())}."));
        }

        var due = ParseInstant(dueBefore, "dueBefore", errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        IEnumerable<CaseStatus> cases = await readModel.ListCasesAsync(member.Office, stageName is null ? null : Enum.Parse<CaseStage>(stageName), cancellationToken);
        if (due is { } before)
        {
            var deadlines = await readModel.ListOpenDeadlinesAsync(member.Office, CaseReadModel.Earliest, before, cancellationToken: cancellationToken);
            var dueCases = deadlines.Select(d => d.CaseId).ToHashSet(StringComparer.Ordinal);
            cases = cases.Where(s => dueCases.Contains(s.CaseId));
        }

        return Results.Ok(cases
            .Select(StaffCaseSummary.From)
            .OrderBy(c => c.OpenDeadlines.Count > 0 ? c.OpenDeadlines[0].DueAt : DateTimeOffset.MaxValue)
            .ThenBy(c => c.ReceivedAt)
            .ToList());
    }

    private static async Task<IResult> GetCaseAsync(
        HttpContext context, string caseId, CaseCommands commands, DisclosureStore disclosures, CaseAssignments assignments, CancellationToken cancellationToken)
    {
        var member = Member(context);
        var status = await commands.GetAsync(caseId, cancellationToken);
        if (status is null || status.Office != member.Office)
        {
            return CaseNotFound(caseId);
        }

        // What staff disclosed to the provider, and who was assigned the case, are kept outside the workflow; staff
        // read them in the same timeline.
        var kept = (await disclosures.DecisionsAsync(caseId, cancellationToken)).Concat(await assignments.ChangesAsync(caseId, cancellationToken)).ToList();
        return Results.Ok(kept.Count == 0 ? status : status with { Timeline = [.. status.Timeline.Concat(kept).OrderBy(e => e.At)] });
    }

    private static async Task<IResult> ListDeadlinesAsync(
        HttpContext context, string? from, string? to, CaseReadModel readModel, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = Member(context);
        var errors = new List<FieldError>();
        var start = ParseInstant(from, "from", errors) ?? time.GetUtcNow();
        var end = ParseInstant(to, "to", errors) ?? start + DefaultDeadlineWindow;
        if (errors.Count == 0 && end <= start)
        {
            errors.Add(new FieldError("to", "invalid-range", "to must be after from."));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var deadlines = await readModel.ListOpenDeadlinesAsync(member.Office, start, end, cancellationToken: cancellationToken);
        return Results.Ok(deadlines.Select(d => new StaffDeadline
        {
            CaseId = d.CaseId,
            DueAt = d.Timer.DueAt,
            RuleId = d.Timer.Deadline!.RuleId,
            Kind = d.Timer.Deadline.Kind,
            Citation = d.Timer.Deadline.Citation,
            Description = d.Timer.Deadline.Explanation,
            Provisional = d.Timer.Deadline.Provisional,
        }).ToList());
    }

    private static async Task<IResult> ActAsync(
        HttpContext context, string caseId, string action, StaffActionRequest? body, StaffCaseActions actions, OfficeDirectory offices, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = Member(context);
        var outcome = await actions.ActAsync(member, caseId, action, body ?? new StaffActionRequest(), cancellationToken);
        switch (outcome.Result)
        {
            case StaffActionResult.UnknownAction:
                return Problems.NotFound(CaseActionRefusal.UnknownAction, $"'{action}' is not a case action.");
            case StaffActionResult.CaseNotFound:
                return CaseNotFound(caseId);
            case StaffActionResult.RoleNotAllowed:
                var roles = StaffActionPermissions.RolesFor(action);
                return Problems.Result(
                    StatusCodes.Status403Forbidden,
                    RoleNotAllowed,
                    "Role not allowed",
                    roles.Count == 0
                        ? $"Staff do not take '{action}'."
                        : $"'{action}' is taken by {string.Join(" or ", roles)}; you act as {string.Join(", ", member.Roles)}.");
            case StaffActionResult.InvalidSuspensionReason:
                return Problems.Validation([new FieldError(
                    "reason", InvalidSuspensionReason, $"reason must be one of {string.Join(", ", SuspensionReasons.Names)}; was '{body?.Reason}'.")]);
            case StaffActionResult.InvalidReceivingOffice:
                return Problems.Validation([new FieldError(
                    "receivingOffice",
                    InvalidReceivingOffice,
                    $"receivingOffice must be another office of the Ombudsman ({string.Join(", ", offices.Codes.Where(c => !string.Equals(c, member.Office, StringComparison.OrdinalIgnoreCase)))}); was '{body?.ReceivingOffice}'.")]);
            case StaffActionResult.SuspensionRoleNotAllowed:
                var why = outcome.SuspensionReason!.Value;
                var verb = action == CaseEvents.SuspendDeadline ? "suspends a deadline" : "resumes a deadline suspended";
                return Problems.Result(
                    StatusCodes.Status403Forbidden,
                    RoleNotAllowed,
                    "Role not allowed",
                    $"Only {string.Join(" or ", StaffActionPermissions.SuspensionRolesFor(why))} {verb} for '{SuspensionReasons.Name(why)}'; you act as {string.Join(", ", member.Roles)}.");
        }

        return Results.Accepted($"/api/staff/cases/{caseId}", new
        {
            caseId,
            action,
            actor = outcome.Action!.Actor,
            acceptedAt = time.GetUtcNow(),
        });
    }

    private static async Task<IResult> IssueProviderLinkAsync(
        HttpContext context, string caseId, CaseCommands commands, ProviderLinks links, ProviderLinkMailer mailer, CancellationToken cancellationToken)
    {
        if (await ProviderLinkRefusalAsync(context, caseId, commands, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        // No response deadline running yet: ProviderLinks throws provider-link-not-available (409).
        var link = await links.IssueAsync(caseId, cancellationToken);

        // The link is issued whether or not the email goes out: the answer says which, and staff hold the page address.
        link = await mailer.SendAsync(link, cancellationToken);
        return Results.Created($"/api/staff/cases/{Uri.EscapeDataString(caseId)}/provider-link", link);
    }

    private static async Task<IResult> RevokeProviderLinkAsync(
        HttpContext context, string caseId, CaseCommands commands, ProviderLinks links, CancellationToken cancellationToken)
    {
        if (await ProviderLinkRefusalAsync(context, caseId, commands, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        await links.RevokeAsync(caseId, cancellationToken);
        return Results.NoContent();
    }

    /// <summary>Office first (another office's case is a missing case), then role.</summary>
    private static async Task<IResult?> ProviderLinkRefusalAsync(HttpContext context, string caseId, CaseCommands commands, CancellationToken cancellationToken)
    {
        var member = Member(context);
        var status = await commands.GetAsync(caseId, cancellationToken);
        if (status is null || status.Office != member.Office)
        {
            return CaseNotFound(caseId);
        }

        if (!StaffActionPermissions.MayManageProviderLink(member))
        {
            return Problems.Result(
                StatusCodes.Status403Forbidden,
                RoleNotAllowed,
                "Role not allowed",
                $"The provider link is managed by {string.Join(" or ", StaffActionPermissions.ProviderLinkRoles)}; you act as {string.Join(", ", member.Roles)}.");
        }

        return null;
    }

    internal static StaffMember Member(HttpContext context) =>
        StaffMember.From(context.User) ?? throw new InvalidOperationException("The staff policy admitted a principal without an id, office or staff role.");

    internal static IResult CaseNotFound(string caseId) => Problems.NotFound(CaseActionRefusal.CaseNotFound, $"There is no case '{caseId}' in your office.");

    private static DateTimeOffset? ParseInstant(string? text, string field, List<FieldError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(field, "invalid-instant", $"{field} must be an ISO 8601 instant, e.g. 2026-03-16T00:00:00Z."));
        return null;
    }
}
