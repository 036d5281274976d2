namespace Ombudsman.Web.Pages.Provider;

/// <summary>A file the provider may download: its own document, or a file staff shared under a neutral name.</summary>
public sealed record ProviderFileModel(string Name, string Href, string Size, string UploadedAt, bool Own, bool Late);
