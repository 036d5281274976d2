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

/// <summary>The response deadline: its last day stated inclusively, its citation and the time left (or how late), counted by the server.</summary>
public sealed record ProviderDeadlineModel(string LastDay, string Citation, string Countdown, bool Passed);

/// <summary>A file the provider may download: its own document, or a file staff shared under a neutral name.</summary>
public sealed record ProviderFileModel(string Name, string Href, string Size, string UploadedAt, bool Own, bool Late);

/// <summary>A response the provider sent, with its documents.</summary>
public sealed record ProviderResponseModel(string SentAt, string Text, bool Late, IReadOnlyList<ProviderFileModel> Documents);

/// <summary>The response form: the typed text (kept when refused), every error by field, the limits to tell.</summary>
public sealed record ProviderResponseFormModel
{
    public string Response { get; init; } = "";

    /// <summary>Field name (also the input's id: <c>response</c>, <c>documents</c>) to its message.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>How many documents one response takes, and what they may be, in words.</summary>
    public required string DocumentsHint { get; init; }

    public required int MaxLength { get; init; }
}
