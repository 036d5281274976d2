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
                .WithSummary("Files a complaint (every UU 25/2009 art. 42 item); 201 with the case id, receipt number and tracking token.")
                .Produces<FilingResult>(StatusCodes.Status201Created)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
                .ProducesProblem(StatusCodes.Status429TooManyRequests),
        })
        .Add(HttpRoute.Get("ComplaintReceipt", "api/complaints/{caseId}/receipt", ReceiptAsync) with
        {
            Tags = [Tag],
            Describe = b => b
                .WithSummary("The receipt (UU 25/2009 art. 44) as JSON.")
                .Produces<Receipt>()
                .ProducesProblem(StatusCodes.Status401Unauthorized),
        })
        .Add(HttpRoute.Get("ComplaintReceiptPage", "api/complaints/{caseId}/receipt.html", ReceiptHtmlAsync) with
        {
            Tags = [Tag],
            Describe = b => b
                .WithSummary("The receipt (UU 25/2009 art. 44) as a printable HTML page.")
                .ProducesProblem(StatusCodes.Status401Unauthorized),
        })
        .Add(HttpRoute.Post("CureComplaint", "api/complaints/{caseId}/cure", CureAsync) with
        {
            AcceptsIdempotencyKey = true,
            Tags = [Tag],
            Describe = b => b
                .WithSummary("Completes an incomplete file within the cure window (UU 25/2009 art. 45(2)): text and/or evidence ids uploaded before.")
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
        FilingRequest? request, OfficeDirectory offices, TimeProvider time, ComplaintFiling filing, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var complaint = FilingValidator.ToComplaint(request, offices, now);
        var filed = await filing.FileAsync(complaint, now, cancellationToken);
        return Results.Created(filed.Links.Receipt, filed);
    }

    private static async Task<IResult> ReceiptAsync(
        HttpContext context, string caseId, CallerAccess access, CaseReader reader, IOptions<ReceiptOptions> options, CancellationToken cancellationToken)
    {
        var (filed, refusal) = await ReadAsync(context, caseId, access, reader, cancellationToken);
        return refusal ?? Results.Ok(Receipt.Of(filed!, options.Value.ReceivingOfficial));
    }

    private static async Task<IResult> ReceiptHtmlAsync(
        HttpContext context, string caseId, CallerAccess access, CaseReader reader, IOptions<ReceiptOptions> options, CancellationToken cancellationToken)
    {
        var (filed, refusal) = await ReadAsync(context, caseId, access, reader, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        context.Response.Headers.ContentSecurityPolicy = ReceiptPage.ContentSecurityPolicy;
        return Results.Content(ReceiptPage.Render(Receipt.Of(filed!, options.Value.ReceivingOfficial)), "text/html; charset=utf-8");
    }

    private static async Task<IResult> CureAsync(
        HttpContext context, string caseId, CureRequest? request, CallerAccess access, EvidenceStore evidence, CaseCommands cases, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(context, caseId, AccessParty.Complainant, cancellationToken);
        if (check.Refusal is not null)
        {
            return check.Refusal;
        }

        var ids = request?.EvidenceIds ?? [];
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request?.Note) && ids.Count == 0)
        {
            errors.Add(new("note", "cure-content-required", "Give the missing items as text ('note') and/or files uploaded before ('evidenceIds')."));
        }

        if (request?.Note is { Length: > 20_000 })
        {
            errors.Add(new("note", "too-long", "At most 20000 characters."));
        }

        if (ids.Count > 0)
        {
            var stored = (await evidence.ListAsync(caseId, cancellationToken)).Select(r => r.EvidenceId).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(ids.Select((id, i) => (id, i)).Where(p => !stored.Contains(p.id))
                .Select(p => new FieldError($"evidenceIds[{p.i}]", "evidence-not-found", $"The case has no file '{p.id}'; upload it first.")));
        }

        if (errors.Count > 0)
        {
            throw DomainException.Validation(errors);
        }

        var note = string.Join(" ", new[] { request!.Note?.Trim(), ids.Count > 0 ? $"(files: {string.Join(", ", ids)})" : null }.OfType<string>().Where(s => s.Length > 0));
        await cases.SubmitAsync(caseId, CaseEvents.CureSubmitted, new CaseAction { Actor = Complainant(caseId), Note = note }, cancellationToken);
        return Results.Accepted(CaseLinks.TrackPath, new { caseId, accepted = CaseEvents.CureSubmitted });
    }

    private static async Task<IResult> WithdrawAsync(
        HttpContext context, string caseId, WithdrawalRequest? request, CallerAccess access, CaseCommands cases, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(context, caseId, AccessParty.Complainant, cancellationToken);
        if (check.Refusal is not null)
        {
            return check.Refusal;
        }

        if (string.IsNullOrWhiteSpace(request?.Reason) || request.Reason.Length > 2_000)
        {
            throw DomainException.Validation([new("reason", "field-required", "Say why the complaint is withdrawn (at most 2000 characters).")]);
        }

        await cases.SubmitAsync(caseId, CaseEvents.Withdraw, new CaseAction { Actor = Complainant(caseId), Note = request.Reason.Trim() }, cancellationToken);
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

    /// <summary>The complainant as a case actor: the tracking token stands for them, so their reference is the case id.</summary>
    private static CaseActor Complainant(string caseId) => new() { Role = CaseRole.Complainant, Id = "complainant:" + caseId };
}
