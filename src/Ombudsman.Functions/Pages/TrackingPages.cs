using System.Globalization;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.RateLimiting;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Web.Pages.Tracking;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// The complainant's pages: open a case by receipt number and secret code (or from the emailed link), see where it
/// stands, complete an incomplete file in the cure window (UU 25/2009 art. 45(2)), withdraw, download their own files.
/// The case's token lives in the case's cookie (<see cref="CaseCookies"/>) and is judged like the API's on every request.
/// </summary>
internal static class TrackingPages
{
    /// <summary>Files one cure may carry; each at most Evidence:MaxBytes.</summary>
    public const int MaxCureFiles = 5;

    /// <summary>Room for the form's text and multipart framing around the files.</summary>
    private const long FormOverhead = 256 * 1024;

    public static HttpRouteTable AddTrackingPageRoutes(this HttpRouteTable routes) => routes
        .Add(PageEndpoints.Page(HttpRoute.Get("TrackPage", Routes.Track.TrimStart('/'), TrackFormAsync)))
        .Add(PageEndpoints.Page(HttpRoute.Post("TrackOpen", Routes.Track.TrimStart('/'), OpenAsync) with { RateLimitingPolicy = RateLimitPolicies.PublicIntake }))
        .Add(PageEndpoints.Page(HttpRoute.Post("TrackLinkRequest", Routes.TrackLinkRequest.TrimStart('/'), RequestLinkAsync) with { RateLimitingPolicy = RateLimitPolicies.PublicIntake }))
        .Add(PageEndpoints.Page(HttpRoute.Get("CasePage", "track/{caseId}", CaseAsync)))
        .Add(PageEndpoints.Page(HttpRoute.Post("CaseCure", "track/{caseId}/cure", CureAsync) with { RateLimitingPolicy = RateLimitPolicies.PublicIntake }))
        .Add(PageEndpoints.Page(HttpRoute.Post("CaseWithdraw", "track/{caseId}/withdraw", WithdrawAsync)))
        .Add(PageEndpoints.Page(HttpRoute.Get("CaseFile", "track/{caseId}/files/{evidenceId}", FileAsync)));

    private static Task<IResult> TrackFormAsync(HttpContext context, PageResponder pages) =>
        TrackPageAsync(context, pages, TrackFormModel.Empty);

    private static async Task<IResult> OpenAsync(
        HttpContext context, PageResponder pages, CallerAccess access, IStringLocalizer<TrackingText> l, CancellationToken cancellationToken)
    {
        var posted = await PageForms.ReadAsync(context, PageForms.FieldsAllowance);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        var form = posted.Form;

        var receipt = form["receiptNumber"].ToString().Trim();
        var secret = form["secret"].ToString();
        var errors = new Dictionary<string, string>();
        if (receipt.Length == 0)
        {
            errors["receiptNumber"] = l["Track.ReceiptNumberRequired"];
        }

        if (string.IsNullOrWhiteSpace(secret))
        {
            errors["secret"] = l["Track.SecretRequired"];
        }

        if (errors.Count == 0)
        {
            var caseId = receipt.Length <= 64 ? CaseIds.CaseIdOf(receipt) : null;
            var token = TrackingSecret.Normalize(secret);
            var judged = caseId is null || token is null ? null : await access.JudgeAsync(token, caseId, AccessParty.Complainant, cancellationToken);
            switch (judged?.Verdict)
            {
                case TokenVerdict.Valid:
                    CaseCookies.Remember(context, AccessParty.Complainant, caseId!, token!);
                    return PageResponder.SeeOther(Routes.Case(caseId!));
                case TokenVerdict.Expired:
                    // Only the right pair gets here: saying so tells a guesser nothing.
                    return await AccessEndedAsync(context, pages, l);
                default:
                    // One answer for a wrong number, a wrong secret or both: which half was wrong stays unsaid.
                    errors["receiptNumber"] = l["Track.PairWrong"];
                    break;
            }
        }

        return await TrackPageAsync(context, pages, new TrackFormModel(receipt, errors) { Secret = secret }, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RequestLinkAsync(
        HttpContext context, PageResponder pages, TrackingLinkResender resender, IStringLocalizer<TrackingText> l, CancellationToken cancellationToken)
    {
        var posted = await PageForms.ReadAsync(context, PageForms.FieldsAllowance);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        var form = posted.Form;

        var receipt = form["lostReceiptNumber"].ToString().Trim();
        if (receipt.Length is 0 or > 64)
        {
            var errors = new Dictionary<string, string> { ["lostReceiptNumber"] = l["Track.ReceiptNumberRequired"] };
            return await TrackPageAsync(context, pages, new TrackFormModel(null, errors) { LostLinkReceiptNumber = receipt }, StatusCodes.Status400BadRequest);
        }

        // Whether the number names a case never changes the answer (as the API's).
        await resender.ResendAsync(receipt, cancellationToken);
        return await pages.MessageAsync(
            context,
            new MessageModel(l["LinkSent.Title"], l["LinkSent.Message"])
            {
                NextSteps = [l["LinkSent.NextStep"]],
                Links = [(l["LinkSent.Back"], Routes.Track)],
            },
            StatusCodes.Status200OK);
    }

    private static async Task<IResult> CaseAsync(
        HttpContext context, string caseId, string? token, string? done, PageResponder pages, CallerAccess access, CasePages cases, IStringLocalizer<TrackingText> l, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            // The emailed link: its token becomes the case's cookie, and leaves the address bar, history and logs.
            var fromLink = await access.JudgeAsync(token, caseId, AccessParty.Complainant, cancellationToken);
            if (fromLink.Verdict == TokenVerdict.Valid)
            {
                CaseCookies.Remember(context, AccessParty.Complainant, caseId, token);
                return PageResponder.SeeOther(Routes.Case(caseId));
            }

            if (fromLink.Verdict == TokenVerdict.Expired)
            {
                return await AccessEndedAsync(context, pages, l);
            }

            // An older link opened by a browser that already follows the case: the cookie still opens it.
            return await GrantOfCookieAsync(context, caseId, access, cancellationToken) is not null
                ? PageResponder.SeeOther(Routes.Case(caseId))
                : await TrackPageAsync(context, pages, new TrackFormModel(ReceiptNumberOf(caseId), new Dictionary<string, string>(), l["Track.LinkInvalid"]));
        }

        if (await GrantOfCookieAsync(context, caseId, access, cancellationToken) is not { } grant)
        {
            return await SignInAsync(context, caseId, pages, access, l, cancellationToken);
        }

        var model = await cases.BuildAsync(grant.CaseId, cancellationToken);
        if (model is null)
        {
            return Results.NotFound();
        }

        return await RenderCaseAsync(context, pages, model with { Done = DoneMessage(done, l) });
    }

    private static async Task<IResult> CureAsync(
        HttpContext context,
        string caseId,
        PageResponder pages,
        CallerAccess access,
        CasePages cases,
        EvidenceStore evidence,
        ComplainantActions actions,
        IStringLocalizer<TrackingText> l,
        CancellationToken cancellationToken)
    {
        // Every file of a cure is read before any is judged, so one too large is refused next to its field, text kept.
        var posted = await PageForms.ReadAsync(context, (evidence.MaxBytes * MaxCureFiles) + FormOverhead);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        var form = posted.Form;

        if (await GrantOfCookieAsync(context, caseId, access, cancellationToken) is not { } grant)
        {
            return await SignInAsync(context, caseId, pages, access, l, cancellationToken);
        }

        caseId = grant.CaseId;
        var note = form["note"].ToString();
        var own = (await evidence.ListAsync(caseId, cancellationToken)).Where(r => r.Party == EvidenceParty.Complainant).ToList();

        // Files of an earlier attempt of this cure that were stored before a later one was refused: only the case's own.
        var kept = form["kept"].Select(id => own.FirstOrDefault(r => r.EvidenceId == id)).OfType<EvidenceRecord>().ToList();
        var files = form.Files.GetFiles("files").Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        var model = await cases.BuildAsync(caseId, cancellationToken);
        if (model is null)
        {
            return Results.NotFound();
        }

        CasePageModel Refused(IReadOnlyDictionary<string, string> errors, string? refusal = null) => model with
        {
            Refusal = refusal,
            Cure = (model.Cure ?? new CureForm(null, errors)) with { Note = note, Errors = errors, Kept = [.. kept.Select(r => (r.EvidenceId, r.OriginalName))] },
        };

        if (model.Cure is null)
        {
            // Not (or no longer) in the cure window: nothing is stored; what was typed comes back with the reason.
            return await RenderCaseAsync(context, pages, Refused(new Dictionary<string, string>(), l["Cure.WindowClosed"]), StatusCodes.Status409Conflict);
        }

        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(note) && files.Count == 0 && kept.Count == 0)
        {
            errors["note"] = l["Cure.ContentRequired"];
        }
        else if (note.Length > ComplainantActions.MaxNoteLength)
        {
            errors["note"] = l["Cure.NoteTooLong"];
        }

        if (kept.Count + files.Count > MaxCureFiles)
        {
            errors["files"] = l["Cure.TooManyFiles"];
        }

        if (errors.Count > 0)
        {
            return await RenderCaseAsync(context, pages, Refused(errors), StatusCodes.Status400BadRequest);
        }

        foreach (var file in files)
        {
            try
            {
                await using var content = file.OpenReadStream();
                kept.Add(await evidence.UploadAsync(
                    new EvidenceUpload
                    {
                        CaseId = caseId,
                        Party = EvidenceParty.Complainant,
                        FileName = file.FileName,
                        Content = content,
                        DeclaredLength = file.Length,
                    },
                    cancellationToken));
            }
            catch (DomainException refused)
            {
                // The files stored before this one stay with the form (sent again with it); this one and the cure wait.
                var message = refused.Code switch
                {
                    "evidence-too-large" => string.Format(CultureInfo.CurrentCulture, l["Cure.FileTooLarge"], file.FileName, Size(evidence.MaxBytes)),
                    "evidence-type-not-allowed" => string.Format(CultureInfo.CurrentCulture, l["Cure.FileTypeNotAllowed"], file.FileName),
                    "evidence-empty" => string.Format(CultureInfo.CurrentCulture, l["Cure.FileEmpty"], file.FileName),
                    _ => string.Format(CultureInfo.CurrentCulture, l["Cure.FileRefused"], file.FileName),
                };
                return await RenderCaseAsync(context, pages, Refused(new Dictionary<string, string> { ["files"] = message }), StatusCodes.Status400BadRequest);
            }
        }

        try
        {
            await actions.CureAsync(caseId, note, [.. kept.Select(r => r.EvidenceId)], cancellationToken);
        }
        catch (CaseActionRefusedException)
        {
            return await RenderCaseAsync(context, pages, Refused(new Dictionary<string, string>(), l["Cure.WindowClosed"]), StatusCodes.Status409Conflict);
        }

        return PageResponder.SeeOther(Routes.Case(caseId) + "?done=cured");
    }

    private static async Task<IResult> WithdrawAsync(
        HttpContext context,
        string caseId,
        PageResponder pages,
        CallerAccess access,
        CasePages cases,
        ComplainantActions actions,
        IStringLocalizer<TrackingText> l,
        CancellationToken cancellationToken)
    {
        var posted = await PageForms.ReadAsync(context, PageForms.FieldsAllowance);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        var form = posted.Form;

        if (await GrantOfCookieAsync(context, caseId, access, cancellationToken) is not { } grant)
        {
            return await SignInAsync(context, caseId, pages, access, l, cancellationToken);
        }

        caseId = grant.CaseId;
        var reason = form["reason"].ToString();
        var model = await cases.BuildAsync(caseId, cancellationToken);
        if (model is null)
        {
            return Results.NotFound();
        }

        if (model.Withdraw is null)
        {
            return await RenderCaseAsync(context, pages, model with { Refusal = l["Withdraw.CaseClosed"] }, StatusCodes.Status409Conflict);
        }

        string? error = string.IsNullOrWhiteSpace(reason) ? l["Withdraw.ReasonRequired"].Value
            : reason.Length > ComplainantActions.MaxReasonLength ? l["Withdraw.ReasonTooLong"].Value
            : null;
        if (error is not null)
        {
            return await RenderCaseAsync(context, pages, model with { Withdraw = new WithdrawForm(reason, error) }, StatusCodes.Status400BadRequest);
        }

        if (form["confirmed"].ToString() != "yes")
        {
            return await pages.RenderAsync<WithdrawConfirmPage>(
                context,
                new Dictionary<string, object?>
                {
                    [nameof(WithdrawConfirmPage.CaseId)] = caseId,
                    [nameof(WithdrawConfirmPage.ReceiptNumber)] = model.ReceiptNumber,
                    [nameof(WithdrawConfirmPage.Reason)] = reason.Trim(),
                });
        }

        try
        {
            await actions.WithdrawAsync(caseId, reason, cancellationToken);
        }
        catch (CaseActionRefusedException)
        {
            return await RenderCaseAsync(context, pages, model with { Refusal = l["Withdraw.CaseClosed"], Withdraw = new WithdrawForm(reason, null) }, StatusCodes.Status409Conflict);
        }

        return PageResponder.SeeOther(Routes.Case(caseId) + "?done=withdrawn");
    }

    private static async Task<IResult> FileAsync(
        HttpContext context, string caseId, string evidenceId, CallerAccess access, EvidenceStore evidence, CancellationToken cancellationToken)
    {
        // The API's rule (the case's valid token), from the cookie; of the case's files only the complainant's own.
        if (await GrantOfCookieAsync(context, caseId, access, cancellationToken) is not { } grant)
        {
            return Results.NotFound();
        }

        var download = await evidence.OpenReadAsync(grant.CaseId, evidenceId, cancellationToken);
        if (download is null || download.Record.Party != EvidenceParty.Complainant)
        {
            if (download is not null)
            {
                await download.DisposeAsync();
            }

            return Results.NotFound();
        }

        return download.Send(context);
    }

    /// <summary>The grant of the case's cookie when it is valid for this case; a cookie that no longer is, is forgotten.</summary>
    private static async Task<AccessGrant?> GrantOfCookieAsync(HttpContext context, string caseId, CallerAccess access, CancellationToken cancellationToken)
    {
        if (CaseCookies.TokenOf(context, AccessParty.Complainant) is not { } token)
        {
            return null;
        }

        var judged = await access.JudgeAsync(token, caseId, AccessParty.Complainant, cancellationToken);
        if (judged.Verdict != TokenVerdict.Valid)
        {
            CaseCookies.Forget(context, AccessParty.Complainant, caseId);
            return null;
        }

        return judged.Grant;
    }

    /// <summary>Without a valid cookie: the receipt-number-and-secret form, the number filled in (the emailed link without its token leads here).</summary>
    private static async Task<IResult> SignInAsync(
        HttpContext context, string caseId, PageResponder pages, CallerAccess access, IStringLocalizer<TrackingText> l, CancellationToken cancellationToken)
    {
        // A cookie past its lifetime was the right one: say that access ended rather than ask for a secret that no longer opens it.
        if (CaseCookies.TokenOf(context, AccessParty.Complainant) is { } token
            && (await access.JudgeAsync(token, caseId, AccessParty.Complainant, cancellationToken)).Verdict == TokenVerdict.Expired)
        {
            return await AccessEndedAsync(context, pages, l);
        }

        return await TrackPageAsync(context, pages, new TrackFormModel(ReceiptNumberOf(caseId), new Dictionary<string, string>(), l["Track.SignInNotice"]));
    }

    private static Task<IResult> AccessEndedAsync(HttpContext context, PageResponder pages, IStringLocalizer<TrackingText> l) =>
        pages.MessageAsync(
            context,
            new MessageModel(l["Expired.Title"], l["Expired.Message"], IsError: true)
            {
                NextSteps = [l["Expired.NextStep"]],
                Links = [(l["LinkSent.Back"], Routes.Track)],
            },
            StatusCodes.Status403Forbidden);

    private static Task<IResult> TrackPageAsync(HttpContext context, PageResponder pages, TrackFormModel model, int status = StatusCodes.Status200OK)
    {
        // It may carry the secret as typed: no cache keeps it.
        context.Response.Headers.CacheControl = "no-store";
        return pages.RenderAsync<TrackPage>(context, new Dictionary<string, object?> { [nameof(TrackPage.Model)] = model }, status);
    }

    private static Task<IResult> RenderCaseAsync(HttpContext context, PageResponder pages, CasePageModel model, int status = StatusCodes.Status200OK)
    {
        // A case page is the complainant's alone: no shared cache keeps it.
        context.Response.Headers.CacheControl = "no-store";
        return pages.RenderAsync<CasePage>(context, new Dictionary<string, object?> { [nameof(CasePage.Model)] = model }, status);
    }

    private static string? DoneMessage(string? done, IStringLocalizer<TrackingText> l) => done switch
    {
        "cured" => l["Done.Cured"].Value,
        "withdrawn" => l["Done.Withdrawn"].Value,
        _ => null,
    };

    private static string? ReceiptNumberOf(string caseId) => CaseIds.CaseIdOf(caseId) is { } id ? CaseIds.ReceiptNumberOf(id) : null;

    internal static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
