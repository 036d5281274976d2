using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Disclosure;
using Ombudsman.Functions.Evidence;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Web.Pages.Provider;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// What the provider's page shows, in the visitor's language: built from the provider API's own view of the case
/// (<see cref="ProviderCaseView"/>) and the files <see cref="ProviderFiles"/> lets the provider see, so the page shows
/// exactly what the API shows; and the page a refused link gets, naming the office to ask.
/// </summary>
internal sealed class ProviderPageView(
    CaseReader reader,
    DisclosureStore disclosures,
    EvidenceStore evidence,
    ProviderFiles providerFiles,
    OfficeDirectory offices,
    RuleSetCatalog ruleSets,
    TimeProvider time,
    IOptions<EvidenceOptions> evidenceOptions,
    IStringLocalizer<ProviderText> p,
    IStringLocalizer<Text> t)
{
    /// <summary>How many documents one response may carry from the page.</summary>
    public const int MaxDocumentsPerResponse = 10;

    /// <summary>The page's model, or null when the case is not (or no longer) in the read model.</summary>
    public async Task<ProviderCaseModel?> BuildAsync(
        HttpContext context, AccessGrant grant, ProviderResponseFormModel? form, bool justSent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var filed = await reader.GetAsync(grant.CaseId, cancellationToken);
        if (filed is null)
        {
            return null;
        }

        var approved = await disclosures.GetApprovedTextAsync(grant.CaseId, cancellationToken);
        var ruleSet = filed.RuleSet(ruleSets);
        var view = ProviderCaseView.Of(filed, grant, approved, ruleSet);
        var language = Visitor.Language(context) == "en" ? Language.English : Language.Indonesian;
        var zone = OfficeTimeZone.FromCode(filed.Complaint.Office.TimeZoneCode);
        var visible = await providerFiles.VisibleAsync(grant.CaseId, await evidence.ListAsync(grant.CaseId, cancellationToken), cancellationToken);
        var files = visible.ToDictionary(f => f.EvidenceId, f => FileModel(grant.CaseId, f, zone, language), StringComparer.Ordinal);
        var responses = ProviderResponseNote.Of(filed.Status).Select(r => new ProviderResponseModel(
            NotificationDates.DateTime(r.At, zone, language),
            r.Text,
            r.Late,
            [.. r.DocumentIds.Select(id => files.GetValueOrDefault(id)).OfType<ProviderFileModel>()]));

        return new ProviderCaseModel
        {
            CaseId = view.CaseId,
            ReceiptNumber = view.ReceiptNumber,
            OfficeName = OfficeOf(filed.Complaint)?.Name ?? view.Office,
            ProviderName = view.Provider,
            ReceivedAt = NotificationDates.DateTime(view.ReceivedAt, zone, language),
            Stage = StageText(view.Stage),
            PathText = string.Format(
                CultureInfo.CurrentCulture,
                filed.Complaint.Path == ComplaintPath.Ombudsman ? p["Provider.PathOmbudsman"] : p["Provider.PathProvider"],
                ruleSet.ActOf(filed.Complaint.Path)),
            ConfidentialityCitation = StatuteWording.Citation(ruleSet.Provision(StatuteProvisions.ComplainantConfidentiality), language),
            ComplainantConfidential = view.ComplainantConfidential,
            ComplainantName = view.Complainant?.Name,
            RepresentativeName = view.Complainant?.Representative,
            PendingReview = view.ComplaintText == ProviderComplaintTextState.PendingReview,
            Description = view.Description,
            RemedyAsked = view.RemedyAsked,
            ServiceReceivedOn = view.ServiceReceivedOn is { } served ? NotificationDates.LongDate(served, language) : null,
            EventOn = view.EventOn is { } happened ? NotificationDates.LongDate(happened, language) : null,
            CompensationClaim = view.CompensationClaim is { } claim ? Rupiah(claim, language) : null,
            Deadline = view.RespondBy is { } due ? Deadline(due, view, ruleSet, zone, language) : null,
            LinkExpiresAt = view.LinkExpiresAt is { } expires ? NotificationDates.Deadline(expires, zone, language) : null,
            Files = [.. visible.Select(f => files[f.EvidenceId])],
            Responses = [.. responses],
            AcceptsResponse = filed.Status is { } status && AcceptsResponse(status),
            Form = form ?? NewForm(),
            JustSent = justSent,
        };
    }

    /// <summary>Whether the case's stage takes a provider response now.</summary>
    public static bool AcceptsResponse(CaseStatus status) =>
        CaseStageRules.Check(status.Stage, status.Path, CaseEvents.ProviderResponseSubmitted, new CaseAction { Actor = new CaseActor { Role = CaseRole.Provider, Id = "provider" } }) is null;

    /// <summary>An empty form, or one with the visitor's text and the problems found.</summary>
    public ProviderResponseFormModel NewForm(string response = "", IReadOnlyDictionary<string, string>? errors = null) => new()
    {
        Response = response,
        Errors = errors ?? new Dictionary<string, string>(),
        MaxLength = ProviderResponses.MaxLength,
        DocumentsHint = string.Format(
            CultureInfo.CurrentCulture,
            p["Provider.DocumentsHint"],
            MaxDocumentsPerResponse,
            evidence.MaxBytes / (1024 * 1024),
            string.Join(", ", evidenceOptions.Value.EffectiveAllowedTypes.Select(TypeName).Distinct())),
    };

    /// <summary>
    /// The page for a link that opens nothing: none at all (401), unknown or revoked (401), expired (410). Who to ask is
    /// the office of the case the link was for when the link was once good; a stranger's guess learns nothing.
    /// </summary>
    public async Task<(MessageModel Model, int Status)> RefusalAsync(TokenJudgement judged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var office = judged.FormerGrant is { } former && await reader.GetAsync(former.CaseId, cancellationToken) is { } filed ? OfficeOf(filed.Complaint) : null;
        var ask = office is null
            ? p["Provider.AskGeneral"].Value
            : string.Format(CultureInfo.CurrentCulture, p["Provider.AskOffice"], office.Name, office.StaffEmail.Address);
        var (title, message, status) = judged.Refusal switch
        {
            CallerAccess.TokenRequired => (p["Provider.NoLinkTitle"], p["Provider.NoLinkMessage"], StatusCodes.Status401Unauthorized),
            CallerAccess.TokenExpired => (p["Provider.ExpiredTitle"], p["Provider.ExpiredMessage"], StatusCodes.Status410Gone),
            _ when judged.FormerGrant is not null => (p["Provider.RevokedTitle"], p["Provider.RevokedMessage"], StatusCodes.Status401Unauthorized),
            _ => (p["Provider.UnknownTitle"], p["Provider.UnknownMessage"], StatusCodes.Status401Unauthorized),
        };
        List<(string, string)> links = [(t["Error.HomeLink"], Routes.Home)];
        if (office is not null)
        {
            links.Insert(0, (string.Format(CultureInfo.CurrentCulture, p["Provider.EmailOffice"], office.Name), "mailto:" + office.StaffEmail.Address));
        }

        return (new MessageModel(title, message, IsError: true) { NextSteps = [ask], Links = links }, status);
    }

    /// <summary>The localized problem with a refused document or response (by its stable code).</summary>
    public string Problem(string code, string? fileName = null)
    {
        var text = code switch
        {
            "field-required" => p["Provider.ErrorResponseRequired"],
            "too-long" => p["Provider.ErrorResponseTooLong"],
            "too-many-documents" => p["Provider.ErrorTooManyDocuments"],
            "evidence-empty" => p["Provider.ErrorDocumentEmpty"],
            "evidence-too-large" => p["Provider.ErrorDocumentTooLarge"],
            "evidence-type-not-allowed" => p["Provider.ErrorDocumentType"],
            "provider-documents-limit" => p["Provider.ErrorDocumentsLimit"],
            "provider-documents-size-limit" => p["Provider.ErrorDocumentsSizeLimit"],
            "provider-response-limit" => p["Provider.ErrorResponseLimit"],
            "rate-limited" => p["Provider.ErrorRateLimited"],
            "case-not-open" or "action-not-valid-in-stage" or "action-not-valid-on-path" => p["Provider.ErrorNotAccepting"],
            _ => p["Provider.ErrorOther"],
        };
        return string.Format(CultureInfo.CurrentCulture, text.Value, fileName ?? "", ProviderResponses.MaxLength, MaxDocumentsPerResponse, evidence.MaxBytes / (1024 * 1024));
    }

    private ConfiguredOffice? OfficeOf(Complaint complaint) => offices.Find(complaint.Office.Code);

    private ProviderDeadlineModel Deadline(DateTimeOffset due, ProviderCaseView view, RuleSet ruleSet, OfficeTimeZone zone, Language language)
    {
        var providerRules = ruleSet.AnsweredBy(RuleParty.Provider).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var citation = view.OpenDeadlines.FirstOrDefault(d => d.DueAt == due)?.Citation
            ?? view.OpenDeadlines.FirstOrDefault(d => providerRules.Contains(d.RuleId))?.Citation
            ?? "-";
        if (view.OpenDeadlines.FirstOrDefault(d => d.DueAt == due)?.Suspended is { } suspended)
        {
            // A clock that stands still has no countdown.
            var stopped = string.Format(CultureInfo.CurrentCulture, p["Provider.DeadlineSuspended"], NotificationDates.LongDate(suspended.SinceDate, language));
            return new ProviderDeadlineModel(NotificationDates.Deadline(due, zone, language), StatuteWording.Citation(citation, language), stopped, Passed: false);
        }

        var left = due - time.GetUtcNow();
        var passed = left < TimeSpan.Zero;
        var span = passed ? left.Negate() : left;
        var countdown = string.Format(CultureInfo.CurrentCulture, passed ? p["Provider.TimeLate"] : p["Provider.TimeLeft"], (int)span.TotalDays, span.Hours);
        return new ProviderDeadlineModel(NotificationDates.Deadline(due, zone, language), StatuteWording.Citation(citation, language), countdown, passed);
    }

    private ProviderFileModel FileModel(string caseId, EvidenceRecord record, OfficeTimeZone zone, Language language) => new(
        record.FileName,
        Routes.ProviderFile(caseId, record.EvidenceId),
        Size(record.Size, language),
        NotificationDates.DateTime(record.UploadedAt, zone, language),
        Own: record.Party == EvidenceParty.Provider,
        record.Late);

    private string StageText(CaseStage stage) => stage switch
    {
        CaseStage.Received => p["Provider.StageReceived"],
        CaseStage.CompletenessCheck => p["Provider.StageCompletenessCheck"],
        CaseStage.CureWindow => p["Provider.StageCureWindow"],
        CaseStage.Routing => p["Provider.StageRouting"],
        CaseStage.Examination => p["Provider.StageExamination"],
        CaseStage.Mediation => p["Provider.StageMediation"],
        CaseStage.SpecialAdjudication => p["Provider.StageSpecialAdjudication"],
        CaseStage.Delivery => p["Provider.StageDelivery"],
        CaseStage.CompensationPayment => p["Provider.StageCompensationPayment"],
        CaseStage.CorrectiveActions => p["Provider.StageCorrectiveActions"],
        CaseStage.RecommendationMonitoring => p["Provider.StageRecommendationMonitoring"],
        CaseStage.AgreementMonitoring => p["Provider.StageAgreementMonitoring"],
        CaseStage.ResolutionMonitoring => p["Provider.StageResolutionMonitoring"],
        _ => p["Provider.StageClosed"],
    };

    // The app runs with invariant globalization: Indonesian separators by hand (Rp 1.500.000; 2,5 MB).
    private static string Rupiah(decimal amount, Language language)
    {
        var digits = amount.ToString("#,0", CultureInfo.InvariantCulture);
        return "Rp " + (language == Language.English ? digits : digits.Replace(',', '.'));
    }

    private static string Size(long bytes, Language language)
    {
        var text = bytes < 1024 * 1024
            ? Math.Max(1, (bytes + 1023) / 1024).ToString(CultureInfo.InvariantCulture) + " KB"
            : (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
        return language == Language.English ? text : text.Replace('.', ',');
    }

    private static string TypeName(string mediaType) => mediaType switch
    {
        ContentSniffer.Pdf => "PDF",
        ContentSniffer.Jpeg => "JPEG",
        ContentSniffer.Png => "PNG",
        ContentSniffer.Docx => "DOCX",
        ContentSniffer.Mp4 => "MP4",
        ContentSniffer.Mp3 => "MP3",
        ContentSniffer.Ogg => "OGG",
        ContentSniffer.Text => "TXT",
        _ => mediaType,
    };
}
