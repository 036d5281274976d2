namespace Ombudsman.Functions.Evidence;

/// <summary>The evidence containers (settings "StorageNames", like the runtime's names; infra/bicep/modules/names.bicep has the same defaults).</summary>
internal sealed record EvidenceStorageNames
{
    /// <summary>Files from complainants and staff.</summary>
    public string EvidenceContainer { get; init; } = "evidence";

    /// <summary>The provider's response and documents.</summary>
    public string ProviderDocumentsContainer { get; init; } = "provider-documents";
}
