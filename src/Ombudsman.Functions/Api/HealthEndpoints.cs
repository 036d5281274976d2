using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Api;

/// <summary>
/// GET /api/health for monitors and the deployment check: 200 when the app can reach the tables and the blobs it keeps
/// cases and files in, 503 when it cannot. The answer names what failed, never why (the log has the reason).
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>How long a probe may take before storage counts as unreachable; a monitor must get an answer.</summary>
    internal static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static HttpRouteTable AddHealthRoutes(this HttpRouteTable routes) => routes
        .Add(HttpRoute.Get("Health", "api/health", CheckAsync) with
        {
            Tags = ["Health"],
            Describe = b => b
                .WithSummary("Whether the app can reach its storage: 200 {status: ok}, or 503 {status: unavailable} naming the part that failed.")
                .Produces<HealthReport>()
                .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable),
        });

    private static async Task<IResult> CheckAsync(CaseReadModel cases, EvidenceStore evidence, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var log = logs.CreateLogger(typeof(HealthEndpoints));
        var tables = await ProbeAsync("tables", ct => cases.ProbeAsync(ct), log, cancellationToken);
        var blobs = await ProbeAsync("blobs", ct => evidence.ProbeAsync(ct), log, cancellationToken);
        var report = new HealthReport(tables == Reachable && blobs == Reachable ? "ok" : "unavailable", new HealthChecks(tables, blobs));
        return Results.Json(report, statusCode: report.Status == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private const string Reachable = "ok";
    private const string Unreachable = "unreachable";

    private static async Task<string> ProbeAsync(string part, Func<CancellationToken, Task> probe, ILogger log, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await probe(timeout.Token);
            return Reachable;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogError(e, "Health check: storage {Part} unreachable.", part);
            return Unreachable;
        }
    }

    /// <summary>The health answer: <c>ok</c> or <c>unavailable</c>, and each storage part's state.</summary>
    internal sealed record HealthReport(string Status, HealthChecks Checks);

    /// <summary><c>ok</c> or <c>unreachable</c> per storage service the app depends on.</summary>
    internal sealed record HealthChecks(string Tables, string Blobs);
}
