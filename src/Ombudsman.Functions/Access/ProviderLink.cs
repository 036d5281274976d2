namespace Ombudsman.Functions.Access;

/// <summary>A capability link for the provider of one case: the token, where to use it, and until when.</summary>
internal sealed record ProviderLink
{
    public required string CaseId { get; init; }

    public required string Token { get; init; }

    /// <summary>Relative URL of the provider's view of the case in the API, token included.</summary>
    public required string Url { get; init; }

    /// <summary>The provider's page of the case, token included: the address a person opens (and the one emailed).</summary>
    public required string PageUrl { get; init; }

    /// <summary>The response deadline; later uploads are marked late.</summary>
    public required DateTimeOffset RespondBy { get; init; }

    /// <summary>The rule and citation of the response deadline.</summary>
    public required string RuleId { get; init; }

    public required string Citation { get; init; }

    /// <summary>Years the response deadline was counted into without a published holiday decree (then it may still move).</summary>
    public IReadOnlyList<int> ProvisionalYears { get; init; } = [];

    /// <summary>The response deadline plus the grace of ProviderLinks:Grace.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Whether the page address went to the provider's email address on file when the link was issued.</summary>
    public bool Emailed { get; init; }

    /// <summary>Why it did not (no address on file, refused, delivery uncertain or the mail service unavailable); null when it did.</summary>
    public string? EmailProblem { get; init; }
}
