using System.Globalization;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Api;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// The receipt (rule P4) as the receipt pages show it, in the visitor's language: the public one after a
/// complainant files, and the console's after staff record a complaint on the complainant's behalf.
/// </summary>
internal static class ReceiptView
{
    public static ComplaintReceiptModel Of(HttpContext context, FiledCase filed, string token, ReceiptOptions options, IStringLocalizer<FilingText> f)
    {
        var receipt = Receipt.Of(filed, options.ReceivingOfficial, filed.RuleSet(context.RequestServices.GetRequiredService<RuleSetCatalog>()));
        var language = Visitor.Language(context) == "en" ? Language.English : Language.Indonesian;
        var request = context.Request;
        return new ComplaintReceiptModel
        {
            ReceiptNumber = receipt.ReceiptNumber,
            IsReport = receipt.Path == "ombudsman",
            ReceivedAt = NotificationDates.DateTime(receipt.ReceivedAt, filed.Complaint.Office.TimeZone, language),
            ReceivedBy = receipt.ReceivedBy,
            ReceivingOfficial = receipt.ReceivingOfficial,
            Citation = StatuteWording.Citation(receipt.CitationText, language),
            ComplainantName = receipt.Complainant.Name,
            ComplainantAddress = receipt.Complainant.Address,
            ComplainantEmail = receipt.Complainant.Email,
            ComplainantPhone = receipt.Complainant.Phone,
            Confidential = receipt.Complainant.Confidential,
            Representative = receipt.Representative is { } r ? FilingMessages.Format(f["Receipt.RepresentativeValue"], r.Name, r.Email, r.PowerOfAttorney) : null,
            Provider = receipt.Provider,
            Description = receipt.Description,
            RemedyAsked = receipt.RemedyAsked,
            Compensation = receipt.CompensationClaim is { } amount ? Rupiah(amount, language) : null,
            Place = receipt.FiledAtPlace,
            Signature = receipt.Signature,
            TrackingUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{Routes.Case(filed.CaseId)}",
            Secret = Grouped(token),
        };
    }

    /// <summary>The secret code in groups of four characters, easier to read out and copy by hand.</summary>
    private static string Grouped(string token) => string.Join(' ', token.Chunk(4).Select(g => new string(g)));

    private static string Rupiah(decimal amount, Language language)
    {
        var digits = amount.ToString("N0", CultureInfo.InvariantCulture);
        return "Rp " + (language == Language.Indonesian ? digits.Replace(',', '.') : digits);
    }
}
