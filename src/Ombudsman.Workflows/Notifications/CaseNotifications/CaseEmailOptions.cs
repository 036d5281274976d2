using Microsoft.Extensions.Configuration;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Links the case emails carry (section "Email"); each is a base URL the case id is appended to.</summary>
internal sealed record CaseEmailOptions
{
    /// <summary>The complainant's case pages, <c>{site}/track/</c>: the case id appended is the page of one case.</summary>
    public string TrackingBaseUrl { get; init; } = "https://pengaduan.ombudsman.invalid/track/";

    /// <summary>Where a provider uploads its response and documents.</summary>
    public string UploadBaseUrl { get; init; } = "https://pengaduan.ombudsman.invalid/unggah/";

    public static CaseEmailOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(EmailOptions.Section);
        var defaults = new CaseEmailOptions();
        var options = new CaseEmailOptions
        {
            TrackingBaseUrl = NullIfEmpty(section[nameof(TrackingBaseUrl)]) ?? defaults.TrackingBaseUrl,
            UploadBaseUrl = NullIfEmpty(section[nameof(UploadBaseUrl)]) ?? defaults.UploadBaseUrl,
        };
        foreach (var (name, url) in new[] { (nameof(TrackingBaseUrl), options.TrackingBaseUrl), (nameof(UploadBaseUrl), options.UploadBaseUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                throw new InvalidOperationException($"Email:{name} must be an absolute http(s) URL, was '{url}'.");
            }
        }

        return options;
    }

    public string TrackingLink(string caseId) => Join(TrackingBaseUrl, caseId);

    public string UploadLink(string caseId) => Join(UploadBaseUrl, caseId);

    /// <summary>The decision is shown on the case page, with the stage and what happens next.</summary>
    public string DecisionLink(string caseId) => TrackingLink(caseId);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Join(string baseUrl, string caseId) => baseUrl.TrimEnd('/') + "/" + Uri.EscapeDataString(caseId);
}
