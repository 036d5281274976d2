using Microsoft.Extensions.Options;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.RateLimiting;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Api;

/// <summary>
/// The complainant's side: file a complaint (UU 25/2009 art. 42), the receipt (art. 44) as JSON
/// and as a printable page, the cure of an incomplete file (art. 45(2)) and withdrawal. Every case request carries the
/// tracking token returned at filing (<c>Authorization: Bearer</c> or <c>?token=</c>).
/// </summary>
internal static class ComplaintEndpoints
{
    private const string Tag = "Complainant";

    public static HttpRouteTable AddComplaintRoutes(this HttpRouteTable routes) => routes
        .Add(HttpRoute.Post("FileComplaint", "api/complaints", FileAsync) with
        {
            AcceptsIdempotencyKey = true,
            Tags = [Tag],
            RateLimitingPolicy = RateLimitPolicies.PublicIntake,
            Describe = b => b
                .WithSummary("Files a complaint (every item rule P2 asks of its contents); 201 with the case id, receipt number and tracking token.")
                .Produces<FilingResult>(StatusCodes.Status201Created)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
                .ProducesProblem(StatusCodes.Status429TooManyRequests),
        })
        .Add(HttpRoute.Get("ComplaintReceipt", "api/complaints/{caseId}/receipt", ReceiptAsync) with
        {
            Tags = [Tag],
            Describe = b => b
                .WithSummary("The receipt (rule P4) as JSON.")
                .Produces<Receipt>()
                .ProducesProblem(StatusCodes.Status401Unauthorized),
        })
        .Add(HttpRoute.Get("ComplaintReceiptPage", "api/complaints/{caseId}/receipt.html", ReceiptHtmlAsync) with
        {
            Tags = [Tag],
            Describe = b => b
                .WithSummary("The receipt (rule P4) as a printable HTML page.")
                .ProducesProblem(StatusCodes.Status401Unauthorized),
        })
        .Add(HttpRoute.Post("CureComplaint", "api/complaints/{caseId}/cure", CureAsync) with
        {
            AcceptsIdempotencyKey = true,
            Tags = [Tag],
            Describe = b => b
                .WithSummary("Completes an incomplete file within the cure window (rule P6): text and/or evidence ids uploaded before.")
                .Produces(StatusCodes.Status202Accepted)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status409Conflict),
        })
        .Add(HttpRoute.Post("WithdrawComplaint", "api/complaints/{caseId}/withdraw", WithdrawAsync) with
        {
            AcceptsIdempotencyKey = true,
            Tags = [Tag],
            Describe = b => b
                .WithSummary("Withdraws the complaint, with a reason.")
                .Produces(StatusCodes.Status202Accepted)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status409Conflict),
        });

    private static async Task<IResult> FileAsync(
        FilingRequest? request, OfficeDirectory offices, RuleSetCatalog ruleSets, TimeProvider time, ComplaintFiling filing, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var complaint = FilingValidator.ToComplaint(request, offices, ruleSets, now);
        var filed = await filing.FileAsync(complaint, now, cancellationToken);
        return Results.Created(filed.Links.Receipt, filed);
    }

    private static async Task<IResult> ReceiptAsync(
        HttpContext context, string caseId, CallerAccess access, CaseReader reader, IOptions<ReceiptOptions> options, RuleSetCatalog ruleSets, CancellationToken cancellationToken)
    {
        var (filed, refusal) = await ReadAsync(context, caseId, access, reader, cancellationToken);
        return refusal ?? Results.Ok(Receipt.Of(filed!, options.Value.ReceivingOfficial, filed!.RuleSet(ruleSets)));
    }

    private static async Task<IResult> ReceiptHtmlAsync(
        HttpContext context, string caseId, CallerAccess access, CaseReader reader, IOptions<ReceiptOptions> options, RuleSetCatalog ruleSets, CancellationToken cancellationToken)
    {
        var (filed, refusal) = await ReadAsync(context, caseId, access, reader, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        context.Response.Headers.ContentSecurityPolicy = ReceiptPage.ContentSecurityPolicy;
        return Results.Content(ReceiptPage.Render(Receipt.Of(filed!, options.Value.ReceivingOfficial, filed!.RuleSet(ruleSets))), "text/html; charset=utf-8");
    }

    private static async Task<IResult> CureAsync(
        HttpContext context, string caseId, CureRequest? request, CallerAccess access, ComplainantActions actions, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(context, caseId, AccessParty.Complainant, cancellationToken);
        if (check.Refusal is not null)
        {
            return check.Refusal;
        }

        await actions.CureAsync(caseId, request?.Note, request?.EvidenceIds ?? [], cancellationToken);
        return Results.Accepted(CaseLinks.TrackPath, new { caseId, accepted = CaseEvents.CureSubmitted });
    }

    private static async Task<IResult> WithdrawAsync(
        HttpContext context, string caseId, WithdrawalRequest? request, CallerAccess access, ComplainantActions actions, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(context, caseId, AccessParty.Complainant, cancellationToken);
        if (check.Refusal is not null)
        {
            return check.Refusal;
        }

        await actions.WithdrawAsync(caseId, request?.Reason, cancellationToken);
        return Results.Accepted(CaseLinks.TrackPath, new { caseId, accepted = CaseEvents.Withdraw });
    }

    /// <summary>The token's case, read; or the refusal (bad token, or a case whose filing never started).</summary>
    private static async Task<(FiledCase? Case, IResult? Refusal)> ReadAsync(
        HttpContext context, string caseId, CallerAccess access, CaseReader reader, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(context, caseId, AccessParty.Complainant, cancellationToken);
        if (check.Refusal is not null)
        {
            return (null, check.Refusal);
        }

        var filed = await reader.GetAsync(caseId, cancellationToken);
        return filed is null ? (null, Problems.NotFound("case-not-found", $"No case '{caseId}' that you may see.")) : (filed, null);
    }

}
