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

    /// <summary>Fresh ids drawn before a filing gives up on finding a free one (each is 50 random bits: one draw is enough in practice).</summary>
    private const int MaxIdAttempts = 3;

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
        FilingRequest? request,
        OfficeDirectory offices,
        TimeProvider time,
        ReportLimit reportLimit,
        FilingWindow filingWindow,
        AccessTokenStore tokens,
        CaseIdSource ids,
        CaseCommands cases,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var complaint = FilingValidator.ToComplaint(request, offices, now);
        var filedLate = false;
        if (complaint is { Path: ComplaintPath.Ombudsman, EventOn: { } eventOn })
        {
            // O1 would close the case as rejected at intake; saying so now, before anything is stored, is clearer.
            var check = reportLimit.Check(eventOn, now, complaint.Office.TimeZone);
            if (check.IsLate)
            {
                throw new DomainException(
                    DomainErrorKind.RuleViolated, "report-limit-exceeded", $"A report is made within 2 years of the act complained of ({check.Citation}): {check.Explanation}.", "eventOn");
            }
        }
        else if (complaint.ServiceReceivedOn is { } serviceOn)
        {
            // P1: accepted but flagged (the workflow records it for staff); the complainant is told at once.
            filedLate = filingWindow.Check(serviceOn, now, complaint.Office.TimeZone).IsLate;
        }

        for (var attempt = 1; ; attempt++)
        {
            var caseId = ids.Next(complaint.Office, now);
            var grant = new AccessGrant { CaseId = caseId, Party = AccessParty.Complainant, IssuedAt = now };
            var token = await tokens.IssueAsync(grant, cancellationToken);
            try
            {
                // All or nothing: when this throws, no case runs under the id (CaseCommands undid what it started).
                await cases.FileAsync(caseId, complaint, cancellationToken);
            }
            catch (CaseIdTakenException) when (attempt < MaxIdAttempts)
            {
                // A generated id that is another case's: never share it, draw again.
                await tokens.DeleteAsync(token, grant, CancellationToken.None);
                LogIdTaken(loggers.CreateLogger(typeof(ComplaintEndpoints)), caseId, attempt);
                continue;
            }
            catch (Exception)
            {
                // Only this filing's token: under a taken id, the other case's tokens must stay.
                await tokens.DeleteAsync(token, grant, CancellationToken.None);
                throw;
            }

            LogFiled(loggers.CreateLogger(typeof(ComplaintEndpoints)), caseId, complaint.Office.Code, complaint.Path);
            var links = CaseLinks.For(caseId);
            return Results.Created(links.Receipt, new FilingResult(caseId, CaseIds.ReceiptNumberOf(caseId), token, now, filedLate, links));
        }
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

    private static void LogIdTaken(ILogger logger, string caseId, int attempt) => IdTaken(logger, caseId, attempt, null);

    private static readonly Action<ILogger, string, int, Exception?> IdTaken =
        LoggerMessage.Define<string, int>(LogLevel.Warning, new EventId(5002, "CaseIdTaken"), "Generated case id {CaseId} is already a case's (attempt {Attempt}); drawing another");

    private static void LogFiled(ILogger logger, string caseId, string office, ComplaintPath path) => Filed(logger, caseId, office, path, null);

    // No complainant identity in logs (it may be confidential).
    private static readonly Action<ILogger, string, string, ComplaintPath, Exception?> Filed =
        LoggerMessage.Define<string, string, ComplaintPath>(LogLevel.Information, new EventId(5001, "ComplaintFiled"), "Complaint filed as case {CaseId} at {Office} ({Path} path)");
}
