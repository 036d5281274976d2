using System.Text.Json;
using System.Xml;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Clock;

/// <summary>
/// Development-only clock control: GET /api/dev/clock and POST /api/dev/clock/advance. Mapped only with a
/// <see cref="ManualClock"/>; otherwise the routes do not exist (404).
/// </summary>
internal static class ClockEndpoints
{
    private const string Tag = "Development clock";

    public static HttpRouteTable AddClockRoutes(this HttpRouteTable routes) => routes
        .Add(HttpRoute.Get("DevClock", "api/dev/clock", (ManualClock clock) => Results.Ok(new ClockReading(clock.GetUtcNow(), 0))) with
        {
            Tags = [Tag],
            Describe = b => b.WithSummary("The manual clock's current time."),
        })
        .Add(HttpRoute.Post("DevClockAdvance", "api/dev/clock/advance", AdvanceAsync) with
        {
            Tags = [Tag],
            Describe = b => b.WithSummary("Advances the manual clock by an ISO 8601 duration (body {\"by\":\"P31D\"} or ?by=P31D), then fires due deadlines."),
        });

    /// <summary>How long an advance waits for the cases to apply what fell due before answering anyway.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    private static async Task<IResult> AdvanceAsync(HttpRequest request, ManualClock clock, ManualClockStore store, DeadlineSweeper sweeper, string? by, CancellationToken cancellationToken)
    {
        by ??= await ReadByFromBodyAsync(request, cancellationToken);
        var duration = ParseDuration(by);
        var now = await store.AdvanceAsync(clock, duration, cancellationToken);

        // What fell due is applied now, so the caller sees its consequences in the next response.
        var raised = await sweeper.SweepUntilSettledAsync(SettleTimeout, cancellationToken);
        return Results.Ok(new ClockReading(now, raised));
    }

    private static async Task<string?> ReadByFromBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || !request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("by", out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException e)
        {
            throw new DomainException(DomainErrorKind.Validation, "malformed-request", $"The body is not JSON: {e.Message}", "by");
        }
    }

    private static TimeSpan ParseDuration(string? by)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            throw DomainException.Validation([new FieldError("by", "duration-required", "Give 'by' as an ISO 8601 duration, e.g. P31D or PT2H.")]);
        }

        TimeSpan duration;
        try
        {
            duration = XmlConvert.ToTimeSpan(by);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw DomainException.Validation([new FieldError("by", "invalid-duration", $"'{by}' is not an ISO 8601 duration such as P31D or PT2H.")]);
        }

        if (duration <= TimeSpan.Zero)
        {
            throw DomainException.Validation([new FieldError("by", "invalid-duration", "The clock only moves forward: the duration must be positive.")]);
        }

        return duration;
    }

    /// <summary>The clock's time, and how many due deadlines, reminders and retries the cases applied because of the move.</summary>
    internal sealed record ClockReading(DateTimeOffset Now, int DueApplied);
}
