using System.Globalization;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Api;

/// <summary>
/// The receipt of a complaint (tanda terima), rule P4: the complainant's identity, the description, the place
/// and time received, and the receiving official, who issues it electronically.
/// </summary>
internal sealed record Receipt
{
    public required string ReceiptNumber { get; init; }

    public required string CaseId { get; init; }

    public required ReceiptComplainant Complainant { get; init; }

    public Representative? Representative { get; init; }

    public required string Provider { get; init; }

    public required string Description { get; init; }

    public required string RemedyAsked { get; init; }

    public decimal? CompensationClaim { get; init; }

    /// <summary>Where the complaint was made, as the complainant stated.</summary>
    public required string? FiledAtPlace { get; init; }

    public required string Signature { get; init; }

    public required string OfficeCode { get; init; }

    /// <summary>The office that received it.</summary>
    public required string ReceivedBy { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The time received in the office's zone, e.g. "2026-03-02 08:00 WIB".</summary>
    public required string ReceivedAtLocal { get; init; }

    /// <summary>The receiving official (art. 44): the online system, on the office's behalf.</summary>
    public required string ReceivingOfficial { get; init; }

    public required string Path { get; init; }

    /// <summary>The provision the receipt is issued under, as the case's rule set cites it.</summary>
    public required string CitationText { get; init; }

    /// <summary>The rule of the receipt itself.</summary>
    internal const string RuleId = "P4";

    public static Receipt Of(FiledCase filed, string receivingOfficial, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var complaint = filed.Complaint;
        var zone = complaint.Office.TimeZone;
        var local = filed.ReceivedAt.ToOffset(zone.UtcOffset);
        return new Receipt
        {
            CitationText = StatuteWording.Primary(ruleSet[RuleId].Citation),
            ReceiptNumber = filed.ReceiptNumber,
            CaseId = filed.CaseId,
            Complainant = new ReceiptComplainant(complaint.Complainant.Name, complaint.Complainant.Address, complaint.Complainant.Email, complaint.Complainant.Phone, complaint.Complainant.Confidential),
            Representative = complaint.Representative,
            Provider = complaint.Provider.Name,
            Description = complaint.Description,
            RemedyAsked = complaint.RemedyAsked,
            CompensationClaim = complaint.CompensationClaim,
            FiledAtPlace = complaint.FiledAtPlace,
            Signature = complaint.Signature ?? complaint.Complainant.Name,
            OfficeCode = complaint.Office.Code,
            ReceivedBy = complaint.Office.Name,
            ReceivedAt = filed.ReceivedAt,
            ReceivedAtLocal = local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone.Code,
            // A complaint staff recorded names them; an online one, the system that received it.
            ReceivingOfficial = complaint.AssistedIntake?.RecordedByName ?? receivingOfficial,
            Path = complaint.Path.ToString().ToLowerInvariant(),
        };
    }
}

/// <summary>The complainant's identity on the receipt (the receipt goes to the complainant only).</summary>
internal sealed record ReceiptComplainant(string Name, string? Address, string? Email, string? Phone, bool Confidential);
