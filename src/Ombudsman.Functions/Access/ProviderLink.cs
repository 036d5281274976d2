namespace Ombudsman.Functions.Access;

/// <summary>A capability link for the provider of one case: the token, where to use it, and until when.</summary>
internal sealed record ProviderLink
{
    public required string CaseId { get; init; }

    public required string Token { get; init; }

    /// <summary>Relative URL of the provider's view of the case, token included.</summary>
    public required string Url { get; init; }

    /// <summary>The response deadline; later uploads are marked late.</summary>
    public required DateTimeOffset RespondBy { get; init; }

    /// <summary>The rule and citation of the response deadline.</summary>
    public required string RuleId { get; init; }

    public required string Citation { get; init; }

    /// <summary>The response deadline plus the grace of ProviderLinks:Grace.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
