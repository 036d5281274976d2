using System.Globalization;
using Microsoft.Extensions.Localization;
using Ombudsman.Web;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// What the filing page says about a problem, in the visitor's language: a message per error code, and for a code it
/// has no words of its own a message naming the field (never the API's English text).
/// </summary>
internal static class FilingMessages
{
    /// <summary>The form's fields in page order: the error summary lists problems in this order.</summary>
    public static readonly string[] FieldOrder =
    [
        "office", "complainant.name", "complainant.address", "complainant.email", "complainant.phone", "complainant.confidential",
        "representative", "representative.name", "representative.email", "powerOfAttorney", "provider.name", "provider.kind",
        "provider.email", "serviceReceivedOn", "eventOn", "priorComplaint.filedOn", "priorComplaint.outcome", "description",
        "remedyAsked", "compensationClaim", "evidence", "filedAtPlace", "signature",
    ];

    /// <summary>The form field an error of the API's validator belongs to (its names are the JSON body's paths).</summary>
    public static string FormFieldOf(string apiField) => apiField switch
    {
        "complainant" or "complainant.language" => "complainant.name",
        "representative.powerOfAttorney" => "powerOfAttorney",
        "provider" => "provider.name",
        "priorComplaint" => "priorComplaint.filedOn",
        _ => apiField,
    };

    /// <summary>The message of one error on a form field.</summary>
    public static string Of(IStringLocalizer<FilingText> f, string field, string code) => code switch
    {
        "field-required" or "prior-complaint-required" => Required(f, field),
        "too-long" => f["Error.TooLong"],
        "invalid-email" => f["Error.InvalidEmail"],
        "invalid-date" => f["Error.InvalidDate"],
        "date-in-future" => f["Error.DateInFuture"],
        "unknown-office" => f["Error.UnknownOffice"],
        "invalid-provider-kind" => f["Error.ProviderKind"],
        "invalid-amount" => f["Error.InvalidAmount"],
        _ => Format(f["Error.Field"], LabelOf(f, field)),
    };

    /// <summary>A refused file, named, with what the app takes.</summary>
    public static string FileRefusal(IStringLocalizer<FilingText> f, string code, string fileName, string allowedTypes, long maxBytes) => code switch
    {
        "evidence-too-large" => Format(f["Error.FileTooLarge"], fileName, Size(maxBytes)),
        "evidence-empty" => Format(f["Error.FileEmpty"], fileName),
        _ => Format(f["Error.FileType"], fileName, allowedTypes),
    };

    /// <summary>A rule's time limit in words: "30 hari kalender", "2 years".</summary>
    public static string Duration(IStringLocalizer<FilingText> f, RuleDuration? duration) => duration switch
    {
        null => "",
        { Unit: DurationUnit.Years, Amount: 1 } => f["Duration.OneYear"],
        { Unit: DurationUnit.Years } => Format(f["Duration.Years"], duration.Amount),
        { DayType: DayType.Working } => Format(f["Duration.WorkingDays"], duration.Amount),
        _ => Format(f["Duration.CalendarDays"], duration.Amount),
    };

    /// <summary>The P1 explanation of a late complaint: the limit, its citation, the service date and the last day in time.</summary>
    public static string LateFiling(IStringLocalizer<FilingText> f, TimeLimitCheck check, Language language) =>
        Format(
            f["Late.Explanation"],
            Duration(f, check.Deadline.Duration),
            check.Citation,
            NotificationDates.LongDate(check.Deadline.TriggerDate, language),
            NotificationDates.LastDay(check.Deadline.DueDate, check.Deadline.Office, language));

    /// <summary>The O1 refusal of a report made too late, with the same facts.</summary>
    public static string ReportTooLate(IStringLocalizer<FilingText> f, TimeLimitCheck check, Language language) =>
        Format(
            f["Error.ReportLimit"],
            Duration(f, check.Deadline.Duration),
            check.Citation,
            NotificationDates.LongDate(check.Deadline.TriggerDate, language),
            NotificationDates.LastDay(check.Deadline.DueDate, check.Deadline.Office, language));

    /// <summary>"25 MB", "64 KB": a size as a person reads it.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");

    public static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    private static string Required(IStringLocalizer<FilingText> f, string field) => field switch
    {
        "office" => f["Error.Required.office"],
        "complainant.name" => f["Error.Required.complainant.name"],
        "complainant.address" => f["Error.Required.complainant.address"],
        "complainant.email" => f["Error.Required.complainant.email"],
        "complainant.confidential" => f["Error.Required.complainant.confidential"],
        "representative.name" => f["Error.Required.representative.name"],
        "representative.email" => f["Error.Required.representative.email"],
        "powerOfAttorney" => f["Error.Required.powerOfAttorney"],
        "provider.name" => f["Error.Required.provider.name"],
        "provider.kind" => f["Error.Required.provider.kind"],
        "serviceReceivedOn" => f["Error.Required.serviceReceivedOn"],
        "eventOn" => f["Error.Required.eventOn"],
        "priorComplaint.filedOn" => f["Error.Required.priorComplaint.filedOn"],
        "priorComplaint.outcome" => f["Error.Required.priorComplaint.outcome"],
        "description" => f["Error.Required.description"],
        "remedyAsked" => f["Error.Required.remedyAsked"],
        "filedAtPlace" => f["Error.Required.filedAtPlace"],
        "signature" => f["Error.Required.signature"],
        _ => Format(f["Error.Field"], LabelOf(f, field)),
    };

    private static string LabelOf(IStringLocalizer<FilingText> f, string field) => field switch
    {
        "office" => f["Form.Office"],
        "complainant.name" => f["Form.Name"],
        "complainant.address" => f["Form.Address"],
        "complainant.email" => f["Form.Email"],
        "complainant.phone" => f["Form.Phone"],
        "complainant.confidential" => f["Form.Confidential"],
        "representative" => f["Form.Representative"],
        "representative.name" => f["Form.RepresentativeName"],
        "representative.email" => f["Form.RepresentativeEmail"],
        "powerOfAttorney" => f["Form.PowerOfAttorney"],
        "provider.name" => f["Form.ProviderName"],
        "provider.kind" => f["Form.ProviderKind"],
        "provider.email" => f["Form.ProviderEmail"],
        "serviceReceivedOn" => f["Form.ServiceReceivedOn"],
        "eventOn" => f["Form.EventOn"],
        "priorComplaint.filedOn" => f["Form.PriorFiledOn"],
        "priorComplaint.outcome" => f["Form.PriorOutcome"],
        "description" => f["Form.Description"],
        "remedyAsked" => f["Form.RemedyAsked"],
        "compensationClaim" => f["Form.Compensation"],
        "evidence" => f["Form.Evidence"],
        "filedAtPlace" => f["Form.Place"],
        "signature" => f["Form.Signature"],
        _ => f["Error.Generic"],
    };

    /// <summary>
    /// Every error of a refused filing on its form field, in page order: the page's own all told (several refused files
    /// of one input are each named), then the validator's first on a field the page had nothing to say about.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ByField(IStringLocalizer<FilingText> f, IEnumerable<FieldError> pageErrors, IEnumerable<FieldError> apiErrors)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in pageErrors)
        {
            messages[error.Field] = messages.TryGetValue(error.Field, out var earlier) ? earlier + " " + error.Message : error.Message;
        }

        foreach (var error in apiErrors)
        {
            var field = FormFieldOf(error.Field);
            messages.TryAdd(field, Of(f, field, error.Code));
        }

        return messages
            .OrderBy(m => Array.IndexOf(FieldOrder, m.Key) is var i and >= 0 ? i : int.MaxValue)
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
    }
}
