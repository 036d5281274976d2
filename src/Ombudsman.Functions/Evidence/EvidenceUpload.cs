namespace Ombudsman.Functions.Evidence;

/// <summary>One file to store: where it belongs, who hands it in, and its content as a stream (read once, never buffered whole).</summary>
internal sealed record EvidenceUpload
{
    public required string CaseId { get; init; }

    /// <summary>The id to store under; a new one is made when null. A second upload under the same id is refused (write once).</summary>
    public string? EvidenceId { get; init; }

    public required EvidenceParty Party { get; init; }

    public required string FileName { get; init; }

    public required Stream Content { get; init; }

    /// <summary>Bytes the client announced (Content-Length), when known: a file announced too large is refused before it is read.</summary>
    public long? DeclaredLength { get; init; }

    public bool Late { get; init; }

    /// <summary>A lower limit than Evidence:MaxBytes for this upload (what is left of a provider's allowance), when set.</summary>
    public long? MaxBytes { get; init; }
}
