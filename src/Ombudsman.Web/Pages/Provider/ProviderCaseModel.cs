namespace Ombudsman.Web.Pages.Provider;

/// <summary>
/// The provider's page of one case, already formatted in the visitor's language: only what the provider may see
/// (a confidential complainant's identity and files are never in it).
/// </summary>
public sealed record ProviderCaseModel
{
    public required string CaseId { get; init; }

    public required string ReceiptNumber { get; init; }

    public required string OfficeName { get; init; }

    public required string ProviderName { get; init; }

    public required string ReceivedAt { get; init; }

    /// <summary>The stage in plain words.</summary>
    public required string Stage { get; init; }

    /// <summary>"Complaint to the provider" or "report to the Ombudsman".</summary>
    public required string PathText { get; init; }

    /// <summary>The complainant as the provider may know them; null when the identity is confidential.</summary>
    public string? ComplainantName { get; init; }

    public string? RepresentativeName { get; init; }

    public bool ComplainantConfidential { get; init; }

    /// <summary>The provision protecting a confidential complainant, as the case's rule set cites it, in the visitor's words.</summary>
    public string ConfidentialityCitation { get; init; } = "";

    /// <summary>The complaint's description the provider reads; null while a confidential complaint's text awaits review.</summary>
    public string? Description { get; init; }

    public string? RemedyAsked { get; init; }

    /// <summary>True: the text is left out until staff approved a version without the complainant's identity.</summary>
    public bool PendingReview { get; init; }

    public string? ServiceReceivedOn { get; init; }

    public string? EventOn { get; init; }

    public string? CompensationClaim { get; init; }

    public ProviderDeadlineModel? Deadline { get; init; }

    /// <summary>Until when the link works.</summary>
    public string? LinkExpiresAt { get; init; }

    public IReadOnlyList<ProviderFileModel> Files { get; init; } = [];

    public IReadOnlyList<ProviderResponseModel> Responses { get; init; } = [];

    /// <summary>The stage takes a response: the form is shown.</summary>
    public bool AcceptsResponse { get; init; }

    public required ProviderResponseFormModel Form { get; init; }

    /// <summary>Shown once after a response was sent (redirect after post).</summary>
    public bool JustSent { get; init; }
}
