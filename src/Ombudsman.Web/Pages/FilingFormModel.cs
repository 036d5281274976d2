namespace Ombudsman.Web.Pages;

/// <summary>
/// The complaint form (UU 25/2009 art. 42) for one path, as the handler hands it to <see cref="FilingPage"/>: what the
/// visitor entered (kept after a refusal), every error by field, and the texts that depend on the rule set and settings.
/// </summary>
public sealed record FilingFormModel
{
    /// <summary>"provider" (complaint to the provider) or "ombudsman" (report after the provider failed to act).</summary>
    public required string Path { get; init; }

    /// <summary>The regional offices: code and name.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Offices { get; init; }

    /// <summary>The one-time key of this form: sending it twice files one case.</summary>
    public required string SubmissionKey { get; init; }

    /// <summary>Field name to the value entered.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>Field name (the input's id) to its message, in form order.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>Files the visitor chose that a browser cannot keep after a refusal: they must be chosen again.</summary>
    public IReadOnlyList<string> FilesToChooseAgain { get; init; } = [];

    /// <summary>The time limit of the path's date, in words with its citation (from the rule set in force).</summary>
    public required string DateHint { get; init; }

    /// <summary>Which files are taken, and how large: e.g. "PDF, JPG, PNG … up to 25 MB each".</summary>
    public required string FilesHint { get; init; }

    /// <summary>The file input's accept list (extensions).</summary>
    public required string Accept { get; init; }

    /// <summary>Set when the complaint is late under the filing window: explained, sent only when confirmed.</summary>
    public LateFilingNotice? Late { get; init; }

    public bool IsReport => Path == "ombudsman";

    public string? Value(string field) => Values.TryGetValue(field, out var value) ? value : null;

    public string? Error(string field) => Errors.TryGetValue(field, out var message) ? message : null;
}

/// <summary>A late complaint, explained before it is sent: the rule, its citation and the last day that was in time.</summary>
public sealed record LateFilingNotice(string Explanation);
