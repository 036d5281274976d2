using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Idempotency;
using Ombudsman.Functions.RateLimiting;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// The public filing pages: the guided complaint form (UU 25/2009 art. 42) at <see cref="Routes.File"/>, which files
/// through the same <see cref="ComplaintFiling"/> as the API, and the printable receipt (art. 44) at
/// <see cref="Routes.Receipt"/> with the tracking link and the secret code.
/// </summary>
internal static class FilingPageEndpoints
{
    /// <summary>The most a filing form's body may be: four files at the evidence limit, and the text around them.</summary>
    private const int FormFilesAtLimit = 4;

    private const long FormOverhead = 1024 * 1024;

    public static HttpRouteTable AddFilingPageRoutes(this HttpRouteTable routes) => routes
        .Add(PageEndpoints.Page(HttpRoute.Get("FilingPage", Routes.File.TrimStart('/'), ShowAsync)))
        .Add(PageEndpoints.Page(HttpRoute.Post("FilingPageSend", Routes.File.TrimStart('/'), SendAsync) with { RateLimitingPolicy = RateLimitPolicies.PublicIntake }))
        .Add(PageEndpoints.Page(HttpRoute.Get("ReceiptPage", Routes.Track.TrimStart('/') + "/{caseId}/receipt", ReceiptAsync)));

    /// <summary>The first question (which path), or the form of the chosen path.</summary>
    private static Task<IResult> ShowAsync(
        HttpContext context, string? path, string? step, PageResponder pages, IStringLocalizer<FilingText> f, OfficeDirectory offices,
        RuleSetCatalog rules, IOptions<EvidenceOptions> evidence, TimeProvider time)
    {
        if (path is "provider" or "ombudsman")
        {
            return pages.RenderAsync<FilingPage>(context, Parameters(FormModel(path, FilingSubmission.NewKey(), f, offices, rules, evidence.Value, time)));
        }

        var today = OfficeTimeZone.Wib.DateOf(time.GetUtcNow());
        var ruleSet = rules.InForceOn(today);
        var p1 = ruleSet[FilingWindow.RuleId];
        var o1 = ruleSet[ReportLimit.RuleId];
        var asked = step is not null || path is not null;
        var choice = new FilingChoiceModel(
            $"{FilingMessages.Duration(f, p1.Duration)} ({p1.Citation})",
            $"{FilingMessages.Duration(f, o1.Duration)} ({o1.Citation})",
            asked ? f["Choice.Required"].Value : null);
        return pages.RenderAsync<FilingChoicePage>(context, new Dictionary<string, object?> { ["Model"] = choice }, asked ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> SendAsync(
        HttpContext context,
        PageResponder pages,
        IStringLocalizer<FilingText> f,
        IStringLocalizer<Text> t,
        OfficeDirectory offices,
        RuleSetCatalog rules,
        IOptions<EvidenceOptions> evidenceOptions,
        TimeProvider time,
        ComplaintFiling filing,
        IdempotencyRecords submissions,
        EvidenceStore evidence,
        ILoggerFactory loggers)
    {
        var posted = await FilingSubmission.ReadAsync(context, pages, t, (evidenceOptions.Value.MaxBytes * FormFilesAtLimit) + FormOverhead, Routes.File);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        var (form, key, path) = (posted.Form, posted.Key, posted.Path);

        var language = Visitor.Language(context);
        var filled = await FilingForm.ReadAsync(form, path, language, evidenceOptions.Value, f, context.RequestAborted);
        var now = time.GetUtcNow();
        var model = FormModel(path, key, f, offices, rules, evidenceOptions.Value, time) with { Values = filled.Values, FilesToChooseAgain = filled.FileNames };

        Workflows.Cases.Complaint? complaint = null;
        IReadOnlyList<FieldError> apiErrors = [];
        try
        {
            complaint = FilingValidator.ToComplaint(filled.Request, offices, rules, now);
        }
        catch (DomainException refused) when (refused.Kind == DomainErrorKind.Validation)
        {
            apiErrors = refused.Errors;
        }

        var pageErrors = filled.Errors.ToList();
        var readerLanguage = language == "en" ? Language.English : Language.Indonesian;
        if (complaint is not null && filing.ReportLimitCheck(complaint, now) is { IsLate: true } tooLate)
        {
            // O1: a report this late is rejected at intake; it is explained here and never sent.
            pageErrors.Add(new("eventOn", "report-limit-exceeded", FilingMessages.ReportTooLate(f, tooLate, readerLanguage)));
        }

        if (pageErrors.Count > 0 || apiErrors.Count > 0)
        {
            return await pages.RenderAsync<FilingPage>(
                context, Parameters(model with { Errors = FilingMessages.ByField(f, pageErrors, apiErrors) }), StatusCodes.Status400BadRequest);
        }

        if (filing.FilingWindowCheck(complaint!, now) is { IsLate: true } late && form["confirmLate"].ToString() != "yes")
        {
            // P1 does not refuse a late complaint: the complainant hears so, and sends it knowingly.
            return await pages.RenderAsync<FilingPage>(context, Parameters(model with { Late = new LateFilingNotice(FilingMessages.LateFiling(f, late, readerLanguage)) }));
        }

        var filed = await FilingSubmission.FileOnceAsync("FilingPageSend", key, complaint!, now, filing, submissions, context.RequestAborted);
        if (filed is null)
        {
            return await FilingSubmission.StillFilingAsync(context, pages, f);
        }

        await FilingSubmission.StoreFilesAsync(filed.Value.CaseId, key, filled, evidence, loggers.CreateLogger(typeof(FilingPageEndpoints)));
        CaseCookies.Remember(context, AccessParty.Complainant, filed.Value.CaseId, filed.Value.Token);
        return PageResponder.SeeOther(Routes.Receipt(filed.Value.CaseId));
    }

    private static async Task<IResult> ReceiptAsync(
        HttpContext context, string caseId, PageResponder pages, IStringLocalizer<FilingText> f, CallerAccess access, CaseReader reader,
        IOptions<ReceiptOptions> options, CancellationToken cancellationToken)
    {
        if (context.Request.Query["token"].ToString() is { Length: > 0 } linked)
        {
            // A link with the token: kept in the case's cookie, and the address loses it.
            if (await access.GrantOfAsync(linked, caseId, AccessParty.Complainant, cancellationToken) is not null)
            {
                CaseCookies.Remember(context, AccessParty.Complainant, caseId, linked);
            }

            return PageResponder.SeeOther(Routes.Receipt(caseId));
        }

        var token = CaseCookies.TokenOf(context, AccessParty.Complainant);
        var grant = await access.GrantOfAsync(token, caseId, AccessParty.Complainant, cancellationToken);
        var filed = grant is null ? null : await reader.GetAsync(caseId, cancellationToken);
        if (filed is null)
        {
            return await pages.MessageAsync(
                context,
                new MessageModel(f["Receipt.NoAccessTitle"], f["Receipt.NoAccessMessage"], IsError: true)
                {
                    NextSteps = [f["Receipt.NoAccessEmail"], f["Receipt.NoAccessTrack"]],
                    Links = [(f["Receipt.TrackLink"], Routes.Track)],
                },
                StatusCodes.Status403Forbidden);
        }

        var model = ReceiptView.Of(context, filed, token!, options.Value, f);

        // The page holds the secret code: no cache may keep it.
        context.Response.Headers.CacheControl = "no-store";
        return await pages.RenderAsync<ComplaintReceiptPage>(context, new Dictionary<string, object?> { ["Model"] = model });
    }

    /// <summary>The form of a path, with the hints the rule set in force and the evidence settings give it.</summary>
    internal static FilingFormModel FormModel(
        string path, string key, IStringLocalizer<FilingText> f, OfficeDirectory offices, RuleSetCatalog rules, EvidenceOptions evidence, TimeProvider time)
    {
        var report = path == "ombudsman";
        var rule = rules.InForceOn(OfficeTimeZone.Wib.DateOf(time.GetUtcNow()))[report ? ReportLimit.RuleId : FilingWindow.RuleId];
        var extensions = EvidenceRules.AllowedExtensions(evidence);
        var types = string.Join(", ", extensions.Select(e => e.TrimStart('.').ToUpperInvariant()));
        return new FilingFormModel
        {
            Path = path,
            Offices = [.. offices.All.Select(o => new KeyValuePair<string, string>(o.OfficeId, o.Name))],
            SubmissionKey = key,
            DateHint = FilingMessages.Format(report ? f["Form.DateHintReport"] : f["Form.DateHintComplaint"], FilingMessages.Duration(f, rule.Duration), rule.Citation),
            FilesHint = FilingMessages.Format(f["Form.FilesAllowed"], types, FilingMessages.Size(evidence.MaxBytes)),
            Accept = string.Join(',', extensions),
        };
    }

    private static Dictionary<string, object?> Parameters(FilingFormModel model) => new() { ["Model"] = model };

}
