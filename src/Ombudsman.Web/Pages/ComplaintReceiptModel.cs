namespace Ombudsman.Web.Pages;

/// <summary>
/// The receipt of a complaint (tanda terima, UU 25/2009 art. 44) as <see cref="ComplaintReceiptPage"/> shows it: every
/// value already formatted in the visitor's language and the office's time zone.
/// </summary>
public sealed record ComplaintReceiptModel
{
    public required string ReceiptNumber { get; init; }

    /// <summary>A report to the Ombudsman (rather than a complaint to the provider).</summary>
    public bool IsReport { get; init; }

    /// <summary>E.g. "2 Maret 2026 08.00 WIB".</summary>
    public required string ReceivedAt { get; init; }

    /// <summary>The office that received it.</summary>
    public required string ReceivedBy { get; init; }

    public required string ReceivingOfficial { get; init; }

    public required string Citation { get; init; }

    public required string ComplainantName { get; init; }

    public string? ComplainantAddress { get; init; }

    /// <summary>Null when staff recorded the complaint for someone without email.</summary>
    public string? ComplainantEmail { get; init; }

    public string? ComplainantPhone { get; init; }

    public bool Confidential { get; init; }

    /// <summary>The representative and their power of attorney, when one filed.</summary>
    public string? Representative { get; init; }

    public required string Provider { get; init; }

    public required string Description { get; init; }

    public required string RemedyAsked { get; init; }

    /// <summary>E.g. "Rp 1.500.000", or null when none was claimed.</summary>
    public string? Compensation { get; init; }

    public string? Place { get; init; }

    public required string Signature { get; init; }

    /// <summary>The full address of the case's tracking page.</summary>
    public required string TrackingUrl { get; init; }

    /// <summary>The secret code (the tracking token) in groups of four, for reading and copying by hand.</summary>
    public required string Secret { get; init; }
}
