namespace Ombudsman.Functions.Access;

/// <summary>Settings of section "ProviderLinks".</summary>
internal sealed class ProviderLinkOptions
{
    public const string SectionName = "ProviderLinks";

    /// <summary>How long after the response deadline the link still works; uploads then are accepted and marked late (office policy, default 7 days).</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromDays(7);
}
