using System.Globalization;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Routing;
using Ombudsman.Functions.Staff;
using Ombudsman.Web;
using Ombudsman.Web.Pages.Staff;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.StaffPages;

/// <summary>
/// The staff console's case page: one case of the member's office with its files and the actions the stage allows
/// the member's roles. Another office's case, and its files, answer exactly like a missing case (the 404 page), as
/// the staff API does. Actions go through <see cref="StaffCaseActions"/>, the staff API's own code.
/// </summary>
internal static class CasePagesForStaff
{
    private const string CasePath = "staff/cases/{caseId}";

    public static HttpRouteTable AddCaseConsoleRoutes(this HttpRouteTable routes) => routes
        .Add(StaffConsole.Page(HttpRoute.Get("StaffConsoleCase", CasePath, ShowAsync)))
        .Add(StaffConsole.Page(HttpRoute.Post("StaffConsoleCaseAction", CasePath + "/actions/{action}", ActAsync)))
        .Add(StaffConsole.Page(HttpRoute.Get("StaffConsoleCaseFile", CasePath + "/files/{evidenceId}", FileAsync)))
        .Add(StaffConsole.Page(HttpRoute.Post("StaffConsoleIssueProviderLink", CasePath + "/provider-link", IssueProviderLinkAsync)))
        .Add(StaffConsole.Page(HttpRoute.Post("StaffConsoleRevokeProviderLink", CasePath + "/provider-link/revoke", RevokeProviderLinkAsync)));

    private const string ProviderLinkRevoked = "provider-link-revoked";

    public static IServiceCollection AddCaseConsolePages(this IServiceCollection services)
    {
        services.AddScoped<StaffCaseActions>();
        services.AddSingleton<StaffCaseView>();
        return services;
    }

    private static async Task<IResult> ShowAsync(
        HttpContext context, string caseId, string? done, StaffCaseView view, PageResponder pages, IStringLocalizer<ConsoleCaseText> c, CancellationToken cancellationToken)
    {
        var member = StaffConsole.Member(context);
        if (await view.FindAsync(member, caseId, cancellationToken) is not { } filed)
        {
            return await PageErrors.PageAsync(context, StatusCodes.Status404NotFound);
        }

        var model = await view.BuildAsync(member, filed, null, cancellationToken);
        return await RenderAsync(context, pages, model with { Done = DoneMessage(done, view, c) });
    }

    /// <summary>
    /// Issues the provider's link as the staff API does (an earlier link stops working) and emails it. The answer is
    /// the case page itself, not a redirect, because it shows the new address once; a reload would issue another.
    /// </summary>
    private static async Task<IResult> IssueProviderLinkAsync(
        HttpContext context,
        string caseId,
        StaffCaseView view,
        ProviderLinks links,
        ProviderLinkMailer mailer,
        PageResponder pages,
        IStringLocalizer<ConsoleCaseText> c,
        IStringLocalizer<StaffText> s,
        CancellationToken cancellationToken)
    {
        var (refused, member, filed, _) = await PostedToCaseAsync(context, caseId, view, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var model = await view.BuildAsync(member, filed, null, cancellationToken);
        if (ProviderLinkRoleRefusal(member, c, s) is { } refusal)
        {
            return await RenderAsync(context, pages, model with { Refusal = refusal }, StatusCodes.Status403Forbidden);
        }

        ProviderLink link;
        try
        {
            link = await mailer.SendAsync(await links.IssueAsync(caseId, cancellationToken), cancellationToken);
        }
        catch (Workflows.Errors.DomainException e) when (e.Kind == Workflows.Errors.DomainErrorKind.Conflict)
        {
            return await RenderAsync(context, pages, model with { Refusal = c["Refusal.ProviderLinkNotAvailable"] }, StatusCodes.Status409Conflict);
        }

        return await RenderAsync(context, pages, model with
        {
            Done = link.Emailed ? c["Done.ProviderLinkEmailed"] : c["Done.ProviderLinkNotEmailed"],
            ProviderLink = model.ProviderLink! with { IssuedPageUrl = link.PageUrl },
        });
    }

    private static async Task<IResult> RevokeProviderLinkAsync(
        HttpContext context,
        string caseId,
        StaffCaseView view,
        ProviderLinks links,
        PageResponder pages,
        IStringLocalizer<ConsoleCaseText> c,
        IStringLocalizer<StaffText> s,
        CancellationToken cancellationToken)
    {
        var (refused, member, filed, _) = await PostedToCaseAsync(context, caseId, view, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (ProviderLinkRoleRefusal(member, c, s) is { } refusal)
        {
            return await RenderAsync(context, pages, await view.BuildAsync(member, filed, null, cancellationToken) with { Refusal = refusal }, StatusCodes.Status403Forbidden);
        }

        await links.RevokeAsync(caseId, cancellationToken);
        return PageResponder.SeeOther(ConsoleRoutes.Case(caseId) + "?done=" + ProviderLinkRevoked);
    }

    /// <summary>
    /// A form posted to one case: read under the form rules (token, size), by a member of the case's office. The
    /// refusal page when not, otherwise the member, the case and the form.
    /// </summary>
    private static async Task<(IResult? Refusal, StaffMember Member, FiledCase Filed, IFormCollection Form)> PostedToCaseAsync(
        HttpContext context, string caseId, StaffCaseView view, CancellationToken cancellationToken)
    {
        var posted = await PageForms.ReadAsync(context);
        var member = StaffConsole.Member(context);
        if (posted.Refused)
        {
            return (posted.Refusal, member, null!, null!);
        }

        return await view.FindAsync(member, caseId, cancellationToken) is { } filed
            ? (null, member, filed, posted.Form)
            : (await PageErrors.PageAsync(context, StatusCodes.Status404NotFound), member, null!, null!);
    }

    private static string? ProviderLinkRoleRefusal(StaffMember member, IStringLocalizer<ConsoleCaseText> c, IStringLocalizer<StaffText> s) =>
        StaffActionPermissions.MayManageProviderLink(member)
            ? null
            : string.Format(CultureInfo.CurrentCulture, c["Refusal.ProviderLinkRole"], string.Join(", ", StaffActionPermissions.ProviderLinkRoles.Select(r => StaffConsole.RoleName(s, r))));

    private static async Task<IResult> ActAsync(
        HttpContext context,
        string caseId,
        string action,
        StaffCaseView view,
        StaffCaseActions actions,
        PageResponder pages,
        IStringLocalizer<ConsoleCaseText> c,
        IStringLocalizer<ConsoleTransferText> t,
        IStringLocalizer<StaffText> s,
        CancellationToken cancellationToken)
    {
        if (!CaseEvents.All.Contains(action, StringComparer.Ordinal))
        {
            return await PageErrors.PageAsync(context, StatusCodes.Status404NotFound);
        }

        var (refused, member, filed, posted) = await PostedToCaseAsync(context, caseId, view, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var (request, form) = Read(action, posted, filed.Complaint.Path, c, t);
        if (form.Errors.Count > 0)
        {
            return await RenderAsync(context, pages, await view.BuildAsync(member, filed, form, cancellationToken), StatusCodes.Status400BadRequest);
        }

        string refusal;
        int status;
        try
        {
            var outcome = await actions.ActAsync(member, caseId, action, request, cancellationToken);
            switch (outcome.Result)
            {
                case StaffActionResult.Accepted when action == CaseEvents.TransferOffice:
                    // The case leaves the member's office: its page would soon be a missing case, so the answer says where it went.
                    return PageResponder.SeeOther(ConsoleRoutes.CaseTransferred(caseId, request.ReceivingOffice!));
                case StaffActionResult.Accepted:
                    return PageResponder.SeeOther(ConsoleRoutes.Case(caseId) + "?done=" + Uri.EscapeDataString(action));
                case StaffActionResult.InvalidReceivingOffice:
                    var invalid = form with { Errors = new Dictionary<string, string>(StringComparer.Ordinal) { ["receivingOffice"] = t["Error.ReceivingOffice"] } };
                    return await RenderAsync(context, pages, await view.BuildAsync(member, filed, invalid, cancellationToken), StatusCodes.Status400BadRequest);
                case StaffActionResult.RoleNotAllowed:
                    var roles = StaffActionPermissions.RolesFor(action);
                    refusal = roles.Count == 0
                        ? c["Refusal.NotForStaff"]
                        : string.Format(CultureInfo.CurrentCulture, c["Refusal.Role"], string.Join(", ", roles.Select(r => StaffConsole.RoleName(s, r))));
                    status = StatusCodes.Status403Forbidden;
                    break;
                default:
                    return await PageErrors.PageAsync(context, StatusCodes.Status404NotFound);
            }
        }
        catch (CaseActionRefusedException caseRefusal)
        {
            refusal = caseRefusal.Code switch
            {
                CaseActionRefusal.NotValidInStage => c["Refusal.StageMovedOn"],
                CaseActionRefusal.CaseNotOpen => c["Refusal.Closed"],
                CaseActionRefusal.NotValidOnPath => c["Refusal.Path"],
                _ => c["Refusal.Other"],
            };
            status = StatusCodes.Status409Conflict;
        }

        // The case as it is now (the stage may have moved on), the member's values kept in the form when it is still offered.
        filed = await view.FindAsync(member, caseId, cancellationToken) ?? filed;
        return await RenderAsync(context, pages, await view.BuildAsync(member, filed, form, cancellationToken) with { Refusal = refusal }, status);
    }

    private static async Task<IResult> FileAsync(
        HttpContext context, string caseId, string evidenceId, string? view, StaffCaseView cases, EvidenceStore evidence, CancellationToken cancellationToken)
    {
        // The staff evidence API's rule: any file of a case of the member's office; another office's case is a missing one.
        var member = StaffConsole.Member(context);
        if (await cases.FindAsync(member, caseId, cancellationToken) is null
            || await evidence.OpenReadAsync(caseId, evidenceId, cancellationToken) is not { } download)
        {
            return await PageErrors.PageAsync(context, StatusCodes.Status404NotFound);
        }

        context.Response.RegisterForDisposeAsync(download);
        var record = download.Record;
        context.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(record.Sha256))}:";
        var image = StaffCaseView.PreviewImageTypes.Contains(record.ContentType, StringComparer.OrdinalIgnoreCase);
        var pdf = string.Equals(record.ContentType, StaffCaseView.PdfType, StringComparison.OrdinalIgnoreCase);
        if (view == "inline" && (image || pdf))
        {
            // Shown in the browser, not saved: the page's img element (an image) or a tab of its own (a PDF). Only types
            // the content itself was recognised as; the browser's PDF viewer needs its plugin, which nothing else may load.
            context.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { Inline = true, FileName = record.FileName }.ToString();
            if (pdf)
            {
                context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; object-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            }

            return Results.Stream(download.Content, record.ContentType);
        }

        return Results.Stream(download.Content, record.ContentType, record.FileName);
    }

    /// <summary>The action's details from its form: the request, or the errors next to the fields, the values kept either way.</summary>
    private static (StaffActionRequest Request, PostedAction Form) Read(
        string action, IFormCollection form, ComplaintPath path, IStringLocalizer<ConsoleCaseText> c, IStringLocalizer<ConsoleTransferText> t)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string Value(string detail)
        {
            var value = form[StaffCaseView.FieldName(action, detail)].ToString().Trim();
            if (value.Length > 0)
            {
                values[detail] = value;
            }

            return value;
        }

        string Required(string detail, string message)
        {
            var value = Value(detail);
            if (value.Length == 0)
            {
                errors[detail] = message;
            }

            return value;
        }

        static IReadOnlyList<string> Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        var request = new StaffActionRequest();
        switch (action)
        {
            case CaseEvents.FileIncomplete:
                request = request with { MissingItems = Lines(Required("missingItems", c["Error.MissingItems"])), Note = Optional(Value("note")) };
                break;
            case CaseEvents.ClarificationRequested:
                request = request with { Note = Required("note", c["Error.Question"]) };
                break;
            case CaseEvents.EvidenceRequested:
                request = request with { Note = Required("note", c["Error.DocumentsAsked"]) };
                break;
            case CaseEvents.DraftResultIssued:
                request = request with { Note = Required("note", c["Error.DraftResult"]) };
                break;
            case CaseEvents.Withdraw:
                request = request with { Note = Required("note", c["Error.WithdrawReason"]) };
                break;
            case CaseEvents.SuspendDeadline:
                request = request with
                {
                    RuleId = Required("ruleId", c["Error.Deadline"]),
                    Reason = Optional(Required("reason", c["Error.SuspensionReason"])),
                    Note = Optional(Value("note")),
                };
                break;
            case CaseEvents.ResumeDeadline:
                request = request with { RuleId = Required("ruleId", c["Error.Deadline"]) };
                break;
            case CaseEvents.TransferOffice:
                request = request with { ReceivingOffice = Required("receivingOffice", t["Error.ReceivingOffice"]), Note = Required("note", t["Error.Reason"]) };
                break;
            case CaseEvents.MediationOutcome:
                var result = Required("mediationResult", c["Error.MediationResult"]);
                request = request with
                {
                    MediationResult = Enum.TryParse<MediationResult>(result, out var parsed) && Enum.IsDefined(parsed) ? parsed : null,
                    Note = Optional(Value("note")),
                };
                if (result.Length > 0 && request.MediationResult is null)
                {
                    errors["mediationResult"] = c["Error.MediationResult"];
                }

                break;
            case CaseEvents.CloseCase:
                var reason = Required("closedReason", c["Error.ClosedReason"]);
                request = request with
                {
                    ClosedReason = CaseStageRules.StaffClosingReasons.Cast<CaseClosedReason?>().FirstOrDefault(r => r.ToString() == reason),
                    Note = Required("note", c["Error.Reason"]),
                };
                if (reason.Length > 0 && request.ClosedReason is null)
                {
                    errors["closedReason"] = c["Error.ClosedReason"];
                }

                break;
            case CaseEvents.ExaminationStopped:
                var stop = Required("stopReason", c["Error.StopReason"]);
                request = request with { StopReason = Optional(stop), Note = Required("note", c["Error.StopExplanation"]) };
                if (stop.Length > 0 && ExaminationStopReasons.Parse(stop) is null)
                {
                    errors["stopReason"] = c["Error.StopReason"];
                }

                break;
            case CaseEvents.AdjudicationDecision:
                request = request with
                {
                    CompensationAmount = Amount(Required("compensationAmount", c["Error.CompensationAmount"])),
                    PaymentDueDate = Date(Required("paymentDueDate", c["Error.PaymentDueDate"])),
                    Note = Optional(Value("note")),
                };
                break;
            case CaseEvents.DecisionIssued:
                request = request with
                {
                    Note = Required("note", c["Error.Decision"]),
                    Maladministration = path == ComplaintPath.Ombudsman ? Value("maladministration") == "true" : null,
                    CorrectiveActions = path == ComplaintPath.Ombudsman && Lines(Value("correctiveActions")) is { Count: > 0 } corrective ? corrective : null,
                    CompensationAmount = Amount(Value("compensationAmount")),
                    PaymentDueDate = Date(Value("paymentDueDate")),
                };
                if (values.ContainsKey("compensationAmount") != values.ContainsKey("paymentDueDate"))
                {
                    errors[values.ContainsKey("compensationAmount") ? "paymentDueDate" : "compensationAmount"] = c["Error.CompensationBoth"];
                }

                break;
            default:
                request = request with { Note = Optional(Value("note")) };
                break;
        }

        return (request, new PostedAction(action, values, errors));

        decimal? Amount(string text)
        {
            if (text.Length == 0)
            {
                return null;
            }

            // Rupiah are whole: "1.500.000", "1,500,000" and "1500000" are the same amount.
            var digits = text.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (digits.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
            {
                digits = digits[2..];
            }

            if (decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            {
                return amount;
            }

            errors["compensationAmount"] = c["Error.CompensationAmountInvalid"];
            return null;
        }

        DateOnly? Date(string text)
        {
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors["paymentDueDate"] = c["Error.PaymentDueDateInvalid"];
            return null;
        }
    }

    private static string? Optional(string value) => value.Length > 0 ? value : null;

    private static string? DoneMessage(string? done, StaffCaseView view, IStringLocalizer<ConsoleCaseText> c) =>
        done == ProviderLinkRevoked ? c["Done.ProviderLinkRevoked"]
        : done == AssignmentPages.Done ? view.AssignmentDone
        : done is not null && CaseEvents.All.Contains(done, StringComparer.Ordinal)
            ? string.Format(CultureInfo.CurrentCulture, c["Done.Action"], view.ActionName(done))
            : null;

    private static Task<IResult> RenderAsync(HttpContext context, PageResponder pages, StaffCaseModel model, int status = StatusCodes.Status200OK) =>
        pages.RenderAsync<StaffCasePage>(
            context,
            new Dictionary<string, object?> { [nameof(StaffCasePage.Model)] = model, [nameof(StaffCasePage.Staff)] = StaffConsole.Badge(context) },
            status);
}
