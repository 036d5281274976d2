namespace Ombudsman.Functions.ProviderLimits;

/// <summary>
/// Settings of section "Provider": how much one case's provider may hand in through its link, and how fast. The
/// bounds hold across instances (<see cref="ProviderAllowance"/> counts in Azure Tables); the rate is per instance.
/// </summary>
internal sealed class ProviderLimitOptions
{
    public const string SectionName = "Provider";

    /// <summary>Written responses one case accepts from its provider (default 20).</summary>
    public int MaxResponses { get; set; } = 20;

    /// <summary>Documents one case accepts from its provider (default 50).</summary>
    public int MaxDocuments { get; set; } = 50;

    /// <summary>Total bytes of a case's provider documents (default 250 MiB, ten files at the default Evidence:MaxBytes).</summary>
    public long MaxDocumentBytes { get; set; } = 250L * 1024 * 1024;

    /// <summary>Provider POSTs (responses and uploads) one case's link may make per window (default 10).</summary>
    public int PermitLimit { get; set; } = 10;

    /// <summary>Length of that window in seconds (default 60).</summary>
    public int WindowSeconds { get; set; } = 60;
}
