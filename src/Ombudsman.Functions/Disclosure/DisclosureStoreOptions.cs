namespace Ombudsman.Functions.Disclosure;

/// <summary>Where disclosure decisions are kept: the table named by the setting StorageNames:DisclosuresTable.</summary>
internal sealed record DisclosureStoreOptions
{
    public string TableName { get; init; } = "OmbudsmanDisclosures";
}
