namespace Ombudsman.Web.Pages.Provider;

/// <summary>A response the provider sent, with its documents.</summary>
public sealed record ProviderResponseModel(string SentAt, string Text, bool Late, IReadOnlyList<ProviderFileModel> Documents);
