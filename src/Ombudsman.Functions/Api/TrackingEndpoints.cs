using Ombudsman.Functions.Access;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Api;

/// <summary>GET /api/track: the complainant follows the case with the tracking token alone (stage, open deadlines with citations, timeline).</summary>
internal static class TrackingEndpoints
{
    public static HttpRouteTable AddTrackingRoutes(this HttpRouteTable routes) => routes
        .Add(HttpRoute.Get("TrackCase", CaseLinks.TrackPath.TrimStart('/'), TrackAsync) with
        {
            Tags = ["Complainant"],
            Describe = b => b
                .WithSummary("The case of the tracking token: stage, open deadlines with their citations, and the timeline without staff-internal notes.")
                .Produces<Tracking>()
                .ProducesProblem(StatusCodes.Status401Unauthorized),
        });

    private static async Task<IResult> TrackAsync(HttpContext context, CallerAccess access, CaseReader reader, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(context, caseId: null, AccessParty.Complainant, cancellationToken);
        if (check.Refusal is not null)
        {
            return check.Refusal;
        }

        var filed = await reader.GetAsync(check.Grant!.CaseId, cancellationToken);
        return filed is null ? Problems.NotFound("case-not-found", "The token's case does not exist.") : Results.Ok(Tracking.Of(filed));
    }
}

/// <summary>What the complainant sees of a case.</summary>
internal sealed record Tracking(
    string CaseId,
    string ReceiptNumber,
    string Path,
    string Office,
    CaseStage Stage,
    DateTimeOffset ReceivedAt,
    bool FiledLate,
    CaseClosedReason? ClosedReason,
    string? ClosedDetail,
    IReadOnlyList<TrackedDeadline> OpenDeadlines,
    IReadOnlyList<PublicTimelineEntry> Timeline)
{
    public static Tracking Of(FiledCase filed)
    {
        var status = filed.Status;
        return new(
            filed.CaseId,
            filed.ReceiptNumber,
            filed.Complaint.Path.ToString().ToLowerInvariant(),
            filed.Complaint.Office.Name,
            filed.Stage,
            filed.ReceivedAt,
            status?.FiledLate ?? false,
            status?.ClosedReason,
            status?.ClosedDetail,
            status is null ? [] : [.. status.OpenDeadlines.Select(d => new TrackedDeadline(d.RuleId, d.Kind, d.DueDate, d.DueAt, d.Citation, d.Explanation))],
            PublicTimeline.Of(status));
    }
}

/// <summary>A running statutory deadline, with the law it comes from.</summary>
internal sealed record TrackedDeadline(string RuleId, string Kind, DateOnly DueDate, DateTimeOffset DueAt, string Citation, string? Explanation);
