namespace Ombudsman.Workflows.Notifications;

/// <summary>Input of an office's digest loop: which office, and the zone its 07:00 is counted in.</summary>
internal sealed record StaffDigestRun
{
    public required string OfficeId { get; init; }

    /// <summary>"WIB", "WITA" or "WIT".</summary>
    public required string TimeZoneCode { get; init; }
}
