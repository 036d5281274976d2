namespace Ombudsman.Functions.Access;

/// <summary>Settings of section "Access" for the complainant's tracking token.</summary>
internal sealed class ComplainantAccessOptions
{
    public const string SectionName = "Access";

    /// <summary>
    /// How long after the case closes the tracking token still opens it (default 90 days): long enough to read the
    /// closure and decision and fetch the files, short enough that an old email does not open a closed case for ever.
    /// </summary>
    public TimeSpan ComplainantTokenLifetimeAfterClose { get; set; } = TimeSpan.FromDays(90);

    /// <summary>At most one new tracking link per case in each window of this length (default 15 minutes).</summary>
    public TimeSpan TrackingLinkResendInterval { get; set; } = TimeSpan.FromMinutes(15);
}
