namespace Ombudsman.Functions.Evidence;

/// <summary>One file to store: where it belongs, who hands it in, and its content as a stream (read once, never buffered whole).</summary>
internal sealed record EvidenceUpload
{
    public required string CaseId { get; init; }

    /// <summary>The client's retry key: the same key by the same party on the same case names the same file, so a retried upload is
    /// refused (write once) instead of stored twice. Null: a fresh id.</summary>
    public string? UploadKey { get; init; }

    public required EvidenceParty Party { get; init; }

    public required string FileName { get; init; }

    public required Stream Content { get; init; }

    /// <summary>Bytes the client announced (Content-Length), when known: a file announced too large is refused before it is read.</summary>
    public long? DeclaredLength { get; init; }

    public bool Late { get; init; }

    /// <summary>A lower limit than Evidence:MaxBytes for this upload (what is left of a provider's allowance), when set.</summary>
    public long? MaxBytes { get; init; }
}
