namespace Ombudsman.Functions.Access;

/// <summary>What a stored token grants: one party's access to one case, until it expires or is revoked.</summary>
internal sealed record AccessGrant
{
    public required string CaseId { get; init; }

    public required AccessParty Party { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Null: valid while the case lives (tracking tokens).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Provider links: the response deadline the link was issued for; uploads after it are marked late.</summary>
    public DateTimeOffset? RespondBy { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}
