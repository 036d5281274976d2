using Ombudsman.Functions.Access;
using Ombudsman.Functions.RateLimiting;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Api;

/// <summary>
/// GET /api/track: the complainant follows the case with the tracking token alone (stage, open deadlines with
/// citations, timeline). POST /api/track/link-requests: a new link to the email on file for a lost one.
/// </summary>
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
        })
        .Add(HttpRoute.Post("RequestTrackingLink", CaseLinks.TrackPath.TrimStart('/') + "/link-requests", RequestLinkAsync) with
        {
            Tags = ["Complainant"],
            RateLimitingPolicy = RateLimitPolicies.PublicIntake,
            AcceptsIdempotencyKey = true,
            Describe = b => b
                .WithSummary("A complainant who lost the tracking link asks for a new one by receipt number: it is mailed to the email given at filing and the old link stops working. The answer is the same whether or not the receipt number exists.")
                .Accepts<TrackingLinkRequest>("application/json")
                .Produces<TrackingLinkRequested>(StatusCodes.Status202Accepted)
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status429TooManyRequests),
        });

    private static async Task<IResult> RequestLinkAsync(TrackingLinkRequest? request, TrackingLinkResender resender, CancellationToken cancellationToken)
    {
        // Only the shape is judged here; whether the number names a case never changes the answer.
        if (string.IsNullOrWhiteSpace(request?.ReceiptNumber) || request.ReceiptNumber.Length > 64)
        {
            throw DomainException.Validation([new("receiptNumber", "field-required", "Give the receipt number of the complaint (at most 64 characters).")]);
        }

        await resender.ResendAsync(request.ReceiptNumber, cancellationToken);
        return Results.Accepted(value: TrackingLinkRequested.Answer);
    }

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
            status is null ? [] : [.. status.OpenDeadlines.Select(TrackedDeadline.Of)],
            PublicTimeline.Of(status));
    }
}

/// <summary>
/// A running statutory deadline, with the law it comes from; <c>Provisional</c> when it was counted into a year whose
/// holiday decree is not published yet, so the last day may still move.
/// </summary>
internal sealed record TrackedDeadline(
    string RuleId, string Kind, DateOnly DueDate, DateTimeOffset DueAt, string Citation, string? Explanation, bool Provisional, TrackedSuspension? Suspended = null)
{
    /// <summary>The deadline as a party sees it: a suspension says since when and why, never who suspended it.</summary>
    public static TrackedDeadline Of(OpenDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return new(
            deadline.RuleId,
            deadline.Kind,
            deadline.DueDate,
            deadline.DueAt,
            deadline.Citation,
            deadline.Explanation,
            deadline.Provisional,
            deadline.Suspended is { } s ? new TrackedSuspension(s.Since, s.SinceDate, s.Reason) : null);
    }
}

/// <summary>A deadline's clock stopped: since when and why; its due date then is the one it had when it stopped.</summary>
internal sealed record TrackedSuspension(DateTimeOffset Since, DateOnly SinceDate, SuspensionReason Reason);

/// <summary>The body of POST /api/track/link-requests.</summary>
internal sealed record TrackingLinkRequest(string? ReceiptNumber);

/// <summary>The one answer to a link request, whatever became of it.</summary>
internal sealed record TrackingLinkRequested(string Status, string Detail)
{
    public static TrackingLinkRequested Answer { get; } = new(
        "accepted",
        "If the receipt number is on file, a new tracking link is on its way to the email address given at filing; the previous link then stops working.");
}
