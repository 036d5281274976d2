namespace Ombudsman.Functions.Disclosure;

/// <summary>A file staff decided about: shared with the provider or not, and the neutral name the provider knows it by.</summary>
internal sealed record SharedFile
{
    public required string EvidenceId { get; init; }

    /// <summary>The provider's id of the file, e.g. <c>lampiran-1</c>; kept when the file is unshared and shared again.</summary>
    public required string NeutralId { get; init; }

    /// <summary>The provider's name of the file, e.g. <c>lampiran-1.pdf</c>: never the uploader's name.</summary>
    public required string NeutralName { get; init; }

    public required bool Shared { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    public required string DecidedBy { get; init; }
}
