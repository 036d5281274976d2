using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Idempotency;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Web.Pages.Staff;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.StaffPages;

/// <summary>
/// Assisted intake in the staff console: a member records a complaint received in person, by WhatsApp, phone, letter or
/// at an outreach event, on the complainant's behalf and with their consent, at the member's own office. The complaint
/// is read and checked as the public filing form's (<see cref="FilingForm"/>, <see cref="FilingValidator"/>) and filed
/// through the same <see cref="ComplaintFiling"/>; only the complainant's email may be left out. The receipt (UU 25/2009
/// art. 44) with the secret code is shown once, to print, and emailed by the case when there is an address.
/// </summary>
internal static class IntakePages
{
    /// <summary>The intake's own fields, kept with the complaint's when the form comes back.</summary>
    private static readonly string[] IntakeFields = ["channel", "consent", "consentNote", "complainant.language"];

    private const int MaxConsentNote = 500;

    /// <summary>Holds the new case's secret code for its receipt page, in the recording browser only, for a short while.</summary>
    private const string ReceiptCookie = "ombudsman-intake-receipt";

    private static readonly TimeSpan ReceiptShownFor = TimeSpan.FromHours(1);

    /// <summary>The channels staff record; online filings are the complainants' own.</summary>
    private static readonly IntakeChannel[] Channels =
        [IntakeChannel.WalkIn, IntakeChannel.WhatsApp, IntakeChannel.Phone, IntakeChannel.Letter, IntakeChannel.Outreach];

    public static HttpRouteTable AddIntakeConsoleRoutes(this HttpRouteTable routes) => routes
        .Add(StaffConsole.Page(HttpRoute.Get("ConsoleIntake", ConsoleRoutes.Intake.TrimStart('/'), ShowAsync)))
        .Add(StaffConsole.Page(HttpRoute.Post("ConsoleIntakeSend", ConsoleRoutes.Intake.TrimStart('/'), SendAsync)))
        .Add(StaffConsole.Page(HttpRoute.Get("ConsoleIntakeReceipt", ConsoleRoutes.Intake.TrimStart('/') + "/{caseId}/receipt", ReceiptAsync)));

    /// <summary>The first question (which path), or the form of the chosen path.</summary>
    private static async Task<IResult> ShowAsync(
        HttpContext context, string? path, PageResponder pages, IStringLocalizer<FilingText> f, IStringLocalizer<ConsoleIntakeText> i, OfficeDirectory offices,
        RuleSetCatalog rules, IOptions<EvidenceOptions> evidence, TimeProvider time)
    {
        if (OfficeOf(context, offices) is not { } office)
        {
            return await NoOfficeAsync(context, pages, i);
        }

        if (path is "provider" or "ombudsman")
        {
            var form = FilingPageEndpoints.FormModel(path, FilingSubmission.NewKey(), f, offices, rules, evidence.Value, time);
            return await RenderFormAsync(context, pages, i, office, form, StatusCodes.Status200OK);
        }

        var ruleSet = rules.InForceOn(OfficeTimeZone.Wib.DateOf(time.GetUtcNow()));
        var p1 = ruleSet[FilingWindow.RuleId];
        var o1 = ruleSet[ReportLimit.RuleId];
        var choice = new IntakeChoiceModel(
            $"{FilingMessages.Duration(f, p1.Duration)} ({p1.Citation})", $"{FilingMessages.Duration(f, o1.Duration)} ({o1.Citation})");
        return await pages.RenderAsync<IntakeChoicePage>(context, new Dictionary<string, object?> { ["Model"] = choice, ["Staff"] = StaffConsole.Badge(context) });
    }

    private static async Task<IResult> SendAsync(
        HttpContext context,
        PageResponder pages,
        IStringLocalizer<FilingText> f,
        IStringLocalizer<ConsoleIntakeText> i,
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
        var posted = await FilingSubmission.ReadAsync(context, pages, t, maxBytes: null, ConsoleRoutes.Intake);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        var (form, key, path) = (posted.Form, posted.Key, posted.Path);

        if (OfficeOf(context, offices) is not { } office)
        {
            return await NoOfficeAsync(context, pages, i);
        }

        var member = StaffConsole.Member(context);
        var intake = IntakeFields.ToDictionary(name => name, name => form[name].ToString(), StringComparer.Ordinal);
        var complainantLanguage = intake["complainant.language"] == "en" ? "en" : "id";
        var filled = await FilingForm.ReadAsync(form, path, complainantLanguage, evidenceOptions.Value, f, context.RequestAborted);
        var now = time.GetUtcNow();
        var model = FilingPageEndpoints.FormModel(path, key, f, offices, rules, evidenceOptions.Value, time) with
        {
            Values = filled.Values.Concat(intake).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            FilesToChooseAgain = filled.FileNames,
        };

        // The intake's own answers: how it came in, and the complainant's consent to staff recording it.
        var intakeErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        var channel = Channels.FirstOrDefault(c => c.ToString() == intake["channel"]);
        if (channel == IntakeChannel.Online)
        {
            intakeErrors["channel"] = i["Error.Channel"];
        }

        if (intake["consent"] != "yes")
        {
            intakeErrors["consent"] = i["Error.Consent"];
        }

        var consentNote = intake["consentNote"].Trim();
        if (consentNote.Length == 0)
        {
            intakeErrors["consentNote"] = i["Error.ConsentNote"];
        }
        else if (consentNote.Length > MaxConsentNote)
        {
            intakeErrors["consentNote"] = FilingMessages.Format(i["Error.ConsentNoteTooLong"], MaxConsentNote);
        }

        Complaint? complaint = null;
        IReadOnlyList<FieldError> apiErrors = [];
        try
        {
            // The office is the member's, never chosen; someone recorded at a counter may have no email.
            complaint = FilingValidator.ToComplaint(filled.Request with { Office = office.OfficeId }, offices, rules, now, complainantEmailRequired: false) with
            {
                Channel = channel,
                AssistedIntake = new AssistedIntake { RecordedById = member.Id, RecordedByName = member.Name, ConsentNote = consentNote },
            };
        }
        catch (DomainException refused) when (refused.Kind == DomainErrorKind.Validation)
        {
            apiErrors = refused.Errors;
        }

        var pageErrors = filled.Errors.ToList();
        var language = Visitor.Language(context) == "en" ? Language.English : Language.Indonesian;
        if (complaint is not null && filing.ReportLimitCheck(complaint, now) is { IsLate: true } tooLate)
        {
            // O1: a report this late is rejected at intake; it is explained here and never sent.
            pageErrors.Add(new("eventOn", "report-limit-exceeded", FilingMessages.ReportTooLate(f, tooLate, language)));
        }

        if (intakeErrors.Count > 0 || pageErrors.Count > 0 || apiErrors.Count > 0)
        {
            // The intake's questions come first on the page, so their errors lead the summary.
            var errors = intakeErrors.Concat(FilingMessages.ByField(f, pageErrors, apiErrors)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            return await RenderFormAsync(context, pages, i, office, model with { Errors = errors }, StatusCodes.Status400BadRequest);
        }

        if (filing.FilingWindowCheck(complaint!, now) is { IsLate: true } late && form["confirmLate"].ToString() != "yes")
        {
            // P1 does not refuse a late complaint: staff explain it to the complainant, and record it knowingly.
            return await RenderFormAsync(
                context, pages, i, office, model with { Late = new LateFilingNotice(FilingMessages.LateFiling(f, late, language)) }, StatusCodes.Status200OK);
        }

        var filed = await FilingSubmission.FileOnceAsync("ConsoleIntakeSend", key, complaint!, now, filing, submissions, context.RequestAborted);
        if (filed is null)
        {
            return await FilingSubmission.StillFilingAsync(context, pages, f);
        }

        var (caseId, token) = filed.Value;
        await FilingSubmission.StoreFilesAsync(caseId, key, filled, evidence, loggers.CreateLogger(typeof(IntakePages)));
        context.Response.Cookies.Append(ReceiptCookie, token, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            Path = ConsoleRoutes.IntakeReceipt(caseId),
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            MaxAge = ReceiptShownFor,
        });
        return PageResponder.SeeOther(ConsoleRoutes.IntakeReceipt(caseId));
    }

    /// <summary>The receipt to print: only in the browser that recorded the complaint, for a case of the member's office.</summary>
    private static async Task<IResult> ReceiptAsync(
        HttpContext context, string caseId, PageResponder pages, IStringLocalizer<FilingText> f, IStringLocalizer<ConsoleIntakeText> i, CallerAccess access,
        CaseReader reader, IOptions<ReceiptOptions> options, CancellationToken cancellationToken)
    {
        var member = StaffConsole.Member(context);
        var filed = await reader.GetAsync(caseId, cancellationToken);
        if (filed is null || filed.Complaint.Office.Code != member.Office)
        {
            // Another office's case is a missing one.
            return await PageErrors.PageAsync(context, StatusCodes.Status404NotFound);
        }

        var token = context.Request.Cookies[ReceiptCookie] is { Length: > 0 } kept ? kept : null;
        if (await access.GrantOfAsync(token, caseId, AccessParty.Complainant, cancellationToken) is null)
        {
            return await pages.MessageAsync(
                context,
                new MessageModel(i["Receipt.GoneTitle"], i["Receipt.GoneMessage"])
                {
                    NextSteps = [i["Receipt.GoneNextStep"]],
                    Links = [(i["Receipt.OpenCase"], ConsoleRoutes.Case(caseId))],
                },
                StatusCodes.Status404NotFound);
        }

        var model = new IntakeReceiptModel(ReceiptView.Of(context, filed, token!, options.Value, f), ConsoleRoutes.Case(caseId));

        // The page holds the secret code: no cache may keep it.
        context.Response.Headers.CacheControl = "no-store";
        return await pages.RenderAsync<IntakeReceiptPage>(context, new Dictionary<string, object?> { ["Model"] = model, ["Staff"] = StaffConsole.Badge(context) });
    }

    private static Task<IResult> RenderFormAsync(
        HttpContext context, PageResponder pages, IStringLocalizer<ConsoleIntakeText> i, ConfiguredOffice office, FilingFormModel form, int status)
    {
        var channels = Channels.Select(c => new KeyValuePair<string, string>(c.ToString(), ChannelName(i, c))).ToList();
        return pages.RenderAsync<IntakePage>(
            context,
            new Dictionary<string, object?> { ["Model"] = new IntakeFormModel(form, office.Name, channels), ["Staff"] = StaffConsole.Badge(context) },
            status);
    }

    private static string ChannelName(IStringLocalizer<ConsoleIntakeText> i, IntakeChannel channel) => channel switch
    {
        IntakeChannel.WalkIn => i["Channel.WalkIn"],
        IntakeChannel.WhatsApp => i["Channel.WhatsApp"],
        IntakeChannel.Phone => i["Channel.Phone"],
        IntakeChannel.Letter => i["Channel.Letter"],
        _ => i["Channel.Outreach"],
    };

    private static ConfiguredOffice? OfficeOf(HttpContext context, OfficeDirectory offices) => offices.Find(StaffConsole.Member(context).Office);

    private static Task<IResult> NoOfficeAsync(HttpContext context, PageResponder pages, IStringLocalizer<ConsoleIntakeText> i) =>
        pages.MessageAsync(context, new MessageModel(i["Error.NoOffice"], i["Error.NoOfficeMessage"], IsError: true), StatusCodes.Status409Conflict);
}
