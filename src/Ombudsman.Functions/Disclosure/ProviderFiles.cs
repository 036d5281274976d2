using Ombudsman.Functions.Evidence;

namespace Ombudsman.Functions.Disclosure;

/// <summary>
/// A case's files as its provider may know them (UU 25/2009 art. 42(5)): the provider's own documents, and the files
/// staff shared, under their neutral id and name only. Nothing else is listed, served or linked to a provider link.
/// </summary>
internal sealed class ProviderFiles(DisclosureStore disclosures)
{
    /// <summary>What the provider is shown of <paramref name="records"/> (every file of the case).</summary>
    public async Task<IReadOnlyList<EvidenceRecord>> VisibleAsync(string caseId, IReadOnlyList<EvidenceRecord> records, CancellationToken cancellationToken)
    {
        var shared = (await disclosures.ListFilesAsync(caseId, cancellationToken)).Where(f => f.Shared).ToDictionary(f => f.EvidenceId, StringComparer.Ordinal);
        return
        [
            .. records.Where(r => r.Party == EvidenceParty.Provider),
            .. records.Where(r => r.Party != EvidenceParty.Provider && shared.ContainsKey(r.EvidenceId)).Select(r => Neutral(r, shared[r.EvidenceId])),
        ];
    }

    /// <summary>
    /// The stored file a provider's request names, and the neutral name to serve it under: its own documents by their
    /// id, shared files by their neutral id. Null for anything else, so another party's id is simply not found.
    /// </summary>
    public async Task<ReadableFile?> ResolveAsync(string caseId, string requestedId, CancellationToken cancellationToken)
    {
        if (EvidenceIds.PartyOf(requestedId) == EvidenceParty.Provider)
        {
            return new ReadableFile(requestedId, null, null);
        }

        return await disclosures.FindSharedAsync(caseId, requestedId, cancellationToken) is { } shared
            ? new ReadableFile(shared.EvidenceId, shared.NeutralId, shared.NeutralName)
            : null;
    }

    /// <summary>A shared file's record with its neutral id and name in place of the uploader's.</summary>
    public static EvidenceRecord Neutral(EvidenceRecord record, SharedFile shared) =>
        record with { EvidenceId = shared.NeutralId, OriginalName = shared.NeutralName, FileName = shared.NeutralName };
}

/// <summary>A file a request may read: its stored id, and for a file shared with the provider the neutral id and name the provider knows it by.</summary>
internal sealed record ReadableFile(string EvidenceId, string? NeutralId, string? NeutralName);
