namespace Ombudsman.Workflows.Cases;

/// <summary>The provider (penyelenggara) or reported party (terlapor) a complaint is against.</summary>
public sealed record Provider
{
    public required string Name { get; init; }

    public required ProviderKind Kind { get; init; }

    /// <summary>Where provider notifications go, when known.</summary>
    public string? Email { get; init; }
}
