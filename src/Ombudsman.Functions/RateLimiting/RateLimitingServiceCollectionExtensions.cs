using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Pages;

namespace Ombudsman.Functions.RateLimiting;

/// <summary>Registers the rate-limit policies; a refused request gets 429 problem+json <c>rate-limited</c> with Retry-After.</summary>
internal static class RateLimitingServiceCollectionExtensions
{
    public static IServiceCollection AddOmbudsmanRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var intake = configuration.GetSection(PublicIntakeLimitOptions.SectionName).Get<PublicIntakeLimitOptions>() ?? new PublicIntakeLimitOptions();
        if (intake.PermitLimit < 1 || intake.WindowSeconds < 1)
        {
            throw new InvalidOperationException($"{PublicIntakeLimitOptions.SectionName}: PermitLimit and WindowSeconds must be at least 1.");
        }

        services.AddRateLimiter(options =>
        {
            options.AddPolicy(RateLimitPolicies.PublicIntake, context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = intake.PermitLimit,
                        Window = TimeSpan.FromSeconds(intake.WindowSeconds),
                        QueueLimit = 0,
                    }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(intake.WindowSeconds);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                if (await PageErrors.TryWriteStatusPageAsync(context.HttpContext))
                {
                    return;
                }

                var problem = Problems.Details(
                    StatusCodes.Status429TooManyRequests,
                    "rate-limited",
                    "Too many requests",
                    $"At most {intake.PermitLimit} request(s) per {intake.WindowSeconds} s from one client; try again in {seconds} s.");
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = problem });
            };
        });
        return services;
    }
}
