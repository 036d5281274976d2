namespace Ombudsman.Functions.RateLimiting;

/// <summary>Settings of section "RateLimiting:PublicIntake": a fixed window per client IP.</summary>
internal sealed class PublicIntakeLimitOptions
{
    public const string SectionName = "RateLimiting:PublicIntake";

    /// <summary>Requests one client may make per window.</summary>
    public int PermitLimit { get; set; } = 30;

    /// <summary>Length of the window in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}
