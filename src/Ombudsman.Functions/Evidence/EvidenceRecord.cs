namespace Ombudsman.Functions.Evidence;

/// <summary>What is recorded of one stored file (kept as the blob's metadata, so it exists exactly when the file does).</summary>
internal sealed record EvidenceRecord
{
    public required string CaseId { get; init; }

    public required string EvidenceId { get; init; }

    public required EvidenceParty Party { get; init; }

    /// <summary>The name the uploader gave, unchanged (shown to people; never used as a storage path).</summary>
    public required string OriginalName { get; init; }

    /// <summary>The name made safe for headers and file systems.</summary>
    public required string FileName { get; init; }

    /// <summary>The media type recognised from the content.</summary>
    public required string ContentType { get; init; }

    public required long Size { get; init; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    public required DateTimeOffset UploadedAt { get; init; }

    /// <summary>Handed in after the deadline that applied (the case APIs decide; recorded, never refused for it).</summary>
    public bool Late { get; init; }
}
