using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Ombudsman.Functions.Api;

namespace Ombudsman.Functions.ProviderLimits;

/// <summary>
/// Rate limit of the provider's POSTs (responses and document uploads), per case: one provider link is active per
/// case, so this is per link. Applied after the token check rather than as a route's rate-limit policy, because only
/// the token's grant says the caller is the case's provider; nothing is read or stored before it. Per instance, like
/// the public intake limit (docs/API.md, "Rate limits").
/// </summary>
internal sealed class ProviderPostLimiter : IDisposable
{
    private readonly ProviderLimitOptions _limits;
    private readonly PartitionedRateLimiter<string> _limiter;

    public ProviderPostLimiter(IOptions<ProviderLimitOptions> options)
    {
        _limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(caseId => RateLimitPartition.GetFixedWindowLimiter(
            caseId,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = _limits.PermitLimit, Window = TimeSpan.FromSeconds(_limits.WindowSeconds), QueueLimit = 0 }));
    }

    /// <summary>Null when the case's provider may post now; else 429 problem+json <c>rate-limited</c> with Retry-After.</summary>
    public IResult? Refusal(HttpContext context, string caseId)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var lease = _limiter.AttemptAcquire(caseId);
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(_limits.WindowSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Result(
            StatusCodes.Status429TooManyRequests,
            "rate-limited",
            "Too many requests",
            $"At most {_limits.PermitLimit} provider post(s) per {_limits.WindowSeconds} s on one case; try again in {seconds} s.");
    }

    public void Dispose() => _limiter.Dispose();
}
