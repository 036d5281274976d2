namespace Ombudsman.Web.Pages.Provider;

/// <summary>The response form: the typed text (kept when refused), every error by field, the limits to tell.</summary>
public sealed record ProviderResponseFormModel
{
    public string Response { get; init; } = "";

    /// <summary>Field name (also the input's id: <c>response</c>, <c>documents</c>) to its message.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>How many documents one response takes, and what they may be, in words.</summary>
    public required string DocumentsHint { get; init; }

    public required int MaxLength { get; init; }
}
