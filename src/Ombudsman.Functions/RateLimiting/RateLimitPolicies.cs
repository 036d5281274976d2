namespace Ombudsman.Functions.RateLimiting;

/// <summary>Names of the rate-limit policies; endpoints opt in with <c>.RequireRateLimiting(RateLimitPolicies.PublicIntake)</c>.</summary>
internal static class RateLimitPolicies
{
    /// <summary>Public intake (filing a complaint, uploading evidence): per client IP, limits from <c>RateLimiting:PublicIntake</c>.</summary>
    public const string PublicIntake = "public-intake";
}
