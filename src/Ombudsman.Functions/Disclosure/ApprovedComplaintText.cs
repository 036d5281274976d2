namespace Ombudsman.Functions.Disclosure;

/// <summary>The complaint text staff approved for the provider, and who approved it when.</summary>
internal sealed record ApprovedComplaintText
{
    public required string Description { get; init; }

    public required string RemedyAsked { get; init; }

    public required DateTimeOffset ApprovedAt { get; init; }

    public required string ApprovedBy { get; init; }
}
