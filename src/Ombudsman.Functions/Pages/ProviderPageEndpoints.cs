using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Disclosure;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.ProviderLimits;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Web.Pages.Provider;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// The provider's page of a case, opened from the capability link staff issue (<see cref="ProviderLinks"/>): the link's
/// token is exchanged for a cookie scoped to the case's page (<see cref="CaseCookies"/>), then the page shows what the
/// provider API shows, takes a response with documents (the same rules as the API: <see cref="ProviderResponses"/>,
/// the provider's allowance and rate limit) and serves the files the provider may download. The token is judged
/// exactly as the API judges it; a link that opens nothing gets a page saying why and whom to ask.
/// </summary>
internal static class ProviderPageEndpoints
{
    /// <summary>Room for the form's fields and part headers around the documents.</summary>
    private const long FormOverhead = 1024 * 1024;

    public static HttpRouteTable AddProviderPageRoutes(this HttpRouteTable routes) => routes
        .Add(PageEndpoints.Page(HttpRoute.Get("ProviderPage", "provider/{caseId}", ShowAsync)))
        .Add(PageEndpoints.Page(HttpRoute.Post("ProviderPageResponse", "provider/{caseId}/response", RespondAsync)))
        .Add(PageEndpoints.Page(HttpRoute.Get("ProviderPageFile", "provider/{caseId}/files/{evidenceId}", DownloadAsync)));

    private static async Task<IResult> ShowAsync(
        HttpContext context, string caseId, CallerAccess access, ProviderPageView view, PageResponder pages, CancellationToken cancellationToken)
    {
        if (context.Request.Query.ContainsKey("token"))
        {
            // The link from the email: its token becomes the cookie and leaves the address bar.
            var token = context.Request.Query["token"].ToString();
            var fromLink = await access.JudgeAsync(token, caseId, AccessParty.Provider, cancellationToken);
            if (fromLink.Grant is null)
            {
                return await RefusedAsync(context, caseId, fromLink, view, pages, cancellationToken, forgetCookie: false);
            }

            CaseCookies.Remember(context, AccessParty.Provider, caseId, token);
            return PageResponder.SeeOther(Visitor.PageContextOf(context).PathAndQuery);
        }

        var judged = await access.JudgeAsync(CaseCookies.TokenOf(context, AccessParty.Provider), caseId, AccessParty.Provider, cancellationToken);
        if (judged.Grant is not { } grant)
        {
            return await RefusedAsync(context, caseId, judged, view, pages, cancellationToken);
        }

        var model = await view.BuildAsync(context, grant, form: null, justSent: context.Request.Query["sent"] == "1", cancellationToken);
        return model is null ? await CaseGoneAsync(context, pages) : await RenderAsync(context, pages, model, StatusCodes.Status200OK);
    }

    private static async Task<IResult> RespondAsync(
        HttpContext context,
        string caseId,
        CallerAccess access,
        ProviderPageView view,
        ProviderResponses responses,
        ProviderPostLimiter providerPosts,
        ProviderAllowance allowance,
        EvidenceStore store,
        IOptions<EvidenceOptions> evidenceOptions,
        CaseReader reader,
        PageResponder pages,
        CancellationToken cancellationToken)
    {
        // Several documents in one form: room for each at the evidence limit.
        var posted = await PageForms.ReadAsync(context, (ProviderPageView.MaxDocumentsPerResponse * store.MaxBytes) + FormOverhead);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        var form = posted.Form;

        var judged = await access.JudgeAsync(CaseCookies.TokenOf(context, AccessParty.Provider), caseId, AccessParty.Provider, cancellationToken);
        if (judged.Grant is not { } grant)
        {
            return await RefusedAsync(context, caseId, judged, view, pages, cancellationToken);
        }

        var text = form["response"].ToString();
        async Task<IResult> RefuseAsync(string field, string message, int status)
        {
            var model = await view.BuildAsync(context, grant, view.NewForm(text, new Dictionary<string, string> { [field] = message }), justSent: false, cancellationToken);
            return model is null ? await CaseGoneAsync(context, pages) : await RenderAsync(context, pages, model, status);
        }

        if (providerPosts.Refusal(context, caseId) is not null)
        {
            return await RefuseAsync("response", view.Problem("rate-limited"), StatusCodes.Status429TooManyRequests);
        }

        // Everything that can be known before storing is checked first, so a refusal stores nothing.
        var documents = form.Files.GetFiles("documents").Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var errors = new Dictionary<string, string>();
        if ((await responses.CheckAsync(caseId, text, [], cancellationToken)).FirstOrDefault() is { } textProblem)
        {
            errors["response"] = view.Problem(textProblem.Code);
        }

        if (documents.Count > ProviderPageView.MaxDocumentsPerResponse)
        {
            errors["documents"] = view.Problem("too-many-documents");
        }
        else if (await FirstRefusedAsync(documents, store.MaxBytes, evidenceOptions.Value, cancellationToken) is { } refused)
        {
            errors["documents"] = view.Problem(refused.Code, refused.FileName);
        }

        var status = (await reader.GetAsync(caseId, cancellationToken))?.Status;
        if (!errors.ContainsKey("response") && (status is null || !ProviderPageView.AcceptsResponse(status)))
        {
            errors["response"] = view.Problem(CaseActionRefusal.CaseNotOpen);
        }

        if (errors.Count > 0)
        {
            var model = await view.BuildAsync(context, grant, view.NewForm(text, errors), justSent: false, cancellationToken);
            return model is null ? await CaseGoneAsync(context, pages) : await RenderAsync(context, pages, model, StatusCodes.Status400BadRequest);
        }

        var late = responses.IsLate(grant);
        var ids = new List<string>(documents.Count);
        foreach (var document in documents)
        {
            try
            {
                ids.Add((await UploadAsync(caseId, document, late, store, allowance, cancellationToken)).EvidenceId);
            }
            catch (DomainException refusal)
            {
                return await RefuseAsync("documents", view.Problem(refusal.Code, document.FileName), StatusCode(refusal));
            }
        }

        try
        {
            await responses.SubmitAsync(caseId, grant, text, ids, cancellationToken);
        }
        catch (DomainException refusal)
        {
            return await RefuseAsync("response", view.Problem(refusal.Errors.FirstOrDefault()?.Code ?? refusal.Code), StatusCode(refusal));
        }
        catch (CaseActionRefusedException refusal)
        {
            return await RefuseAsync("response", view.Problem(refusal.Code), StatusCodes.Status409Conflict);
        }

        return PageResponder.SeeOther(Routes.ProviderCase(caseId) + "?sent=1");
    }

    private static async Task<IResult> DownloadAsync(
        HttpContext context,
        string caseId,
        string evidenceId,
        CallerAccess access,
        ProviderPageView view,
        ProviderFiles providerFiles,
        EvidenceStore store,
        PageResponder pages,
        IStringLocalizer<Text> t,
        CancellationToken cancellationToken)
    {
        var judged = await access.JudgeAsync(CaseCookies.TokenOf(context, AccessParty.Provider), caseId, AccessParty.Provider, cancellationToken);
        if (judged.Grant is null)
        {
            return await RefusedAsync(context, caseId, judged, view, pages, cancellationToken);
        }

        // As the API's provider download: only its own documents and shared files, a shared file under its neutral name.
        var file = await providerFiles.ResolveAsync(caseId, evidenceId, cancellationToken);
        var download = file is null ? null : await store.OpenReadAsync(caseId, file.EvidenceId, cancellationToken);
        if (download is null)
        {
            return await pages.MessageAsync(
                context,
                new MessageModel(t["Error.NotFoundTitle"], t["Error.NotFoundMessage"], IsError: true) { Links = [(t["Error.HomeLink"], Routes.Home)] },
                StatusCodes.Status404NotFound);
        }

        return download.Send(context, file!.NeutralName);
    }

    /// <summary>Stores one document as the provider's within the case's allowance, as the API's upload does.</summary>
    private static async Task<EvidenceRecord> UploadAsync(
        string caseId, IFormFile document, bool late, EvidenceStore store, ProviderAllowance allowance, CancellationToken cancellationToken)
    {
        var reserved = await allowance.ReserveDocumentAsync(caseId, store.MaxBytes, document.Length, cancellationToken);
        EvidenceRecord record;
        try
        {
            await using var content = document.OpenReadStream();
            record = await store.UploadAsync(
                new EvidenceUpload
                {
                    CaseId = caseId,
                    Party = EvidenceParty.Provider,
                    FileName = document.FileName,
                    Content = content,
                    DeclaredLength = document.Length,
                    Late = late,
                    MaxBytes = reserved,
                },
                cancellationToken);
        }
        catch (Exception)
        {
            await allowance.ReleaseDocumentAsync(caseId, reserved, CancellationToken.None);
            throw;
        }

        await allowance.SettleDocumentAsync(caseId, reserved, record.Size, CancellationToken.None);
        return record;
    }

    /// <summary>The first document the evidence store would refuse (empty, too large, not an allowed type), judged from its size and first bytes.</summary>
    private static async Task<(string Code, string FileName)?> FirstRefusedAsync(
        IReadOnlyList<IFormFile> documents, long maxBytes, EvidenceOptions options, CancellationToken cancellationToken)
    {
        var head = new byte[ContentSniffer.HeadLength];
        foreach (var document in documents)
        {
            if (document.Length == 0)
            {
                return ("evidence-empty", document.FileName);
            }

            if (document.Length > maxBytes)
            {
                return ("evidence-too-large", document.FileName);
            }

            await using var content = document.OpenReadStream();
            var filled = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            var name = EvidenceStore.SanitizeFileName(document.FileName);
            var type = ContentSniffer.Detect(head.AsSpan(0, filled), name);
            if (type is null || !options.EffectiveAllowedTypes.Contains(type, StringComparer.OrdinalIgnoreCase) || !ContentSniffer.NameAgrees(name, type))
            {
                return ("evidence-type-not-allowed", document.FileName);
            }
        }

        return null;
    }

    private static int StatusCode(DomainException refusal) => refusal.Kind switch
    {
        DomainErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        DomainErrorKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The page for a refused token; a refused cookie is dropped (an old link opened beside a good cookie leaves it).</summary>
    private static async Task<IResult> RefusedAsync(
        HttpContext context, string caseId, TokenJudgement judged, ProviderPageView view, PageResponder pages, CancellationToken cancellationToken, bool forgetCookie = true)
    {
        if (forgetCookie && CaseCookies.TokenOf(context, AccessParty.Provider) is not null)
        {
            CaseCookies.Forget(context, AccessParty.Provider, caseId);
        }

        if (judged.Refusal != CallerAccess.TokenExpired)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        var (model, status) = await view.RefusalAsync(judged, cancellationToken);
        return await pages.MessageAsync(context, model, status);
    }

    private static Task<IResult> CaseGoneAsync(HttpContext context, PageResponder pages)
    {
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<Text>>();
        return pages.MessageAsync(
            context,
            new MessageModel(t["Error.NotFoundTitle"], t["Error.NotFoundMessage"], IsError: true) { Links = [(t["Error.HomeLink"], Routes.Home)] },
            StatusCodes.Status404NotFound);
    }

    private static Task<IResult> RenderAsync(HttpContext context, PageResponder pages, ProviderCaseModel model, int status) =>
        pages.RenderAsync<ProviderCasePage>(context, new Dictionary<string, object?> { ["Model"] = model }, status);
}
