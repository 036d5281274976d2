using Ombudsman.Functions.Access;
using Ombudsman.Functions.Disclosure;
using Ombudsman.Functions.ProviderLimits;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Api;

/// <summary>
/// The provider's side, through the per-case capability link (<see cref="ProviderLinks"/>): view
/// the complaint (without the complainant's identity when it is confidential, UU 25/2009 art. 42(5); the complaint text
/// as staff approved it, <see cref="ProviderComplaintTexts"/>) and submit the response; documents go through the evidence endpoints with the same token. Late responses are accepted and marked.
/// </summary>
internal static class ProviderEndpoints
{
    private const string Tag = "Provider";

    public static HttpRouteTable AddProviderRoutes(this HttpRouteTable routes) => routes
        .Add(HttpRoute.Get("ProviderCase", "api/provider/cases/{caseId}", ViewAsync) with
        {
            Tags = [Tag],
            Describe = b => b
                .WithSummary("The complaint as the provider may see it, with the response deadline and the link's expiry; a confidential complaint's text appears once staff approved it (complaintText: pendingReview until then).")
                .Produces<ProviderCaseView>()
                .ProducesProblem(StatusCodes.Status401Unauthorized),
        })
        .Add(HttpRoute.Post("ProviderResponse", "api/provider/cases/{caseId}/response", RespondAsync) with
        {
            AcceptsIdempotencyKey = true,
            Tags = [Tag],
            Describe = b => b
                .WithSummary("Submits the provider's written response (and ids of documents uploaded before); after the deadline it is accepted and marked late. Bounded per case (Provider:MaxResponses) and rate-limited per case.")
                .Produces(StatusCodes.Status202Accepted)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status429TooManyRequests),
        });

    private static async Task<IResult> ViewAsync(
        HttpContext context, string caseId, CallerAccess access, CaseReader reader, DisclosureStore disclosures, RuleSetCatalog ruleSets, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(context, caseId, AccessParty.Provider, cancellationToken);
        if (check.Refusal is not null)
        {
            return check.Refusal;
        }

        var filed = await reader.GetAsync(caseId, cancellationToken);
        if (filed is null)
        {
            return Problems.NotFound("case-not-found", $"No case '{caseId}'.");
        }

        var approved = await disclosures.GetApprovedTextAsync(caseId, cancellationToken);
        return Results.Ok(ProviderCaseView.Of(filed, check.Grant!, approved, filed.RuleSet(ruleSets)));
    }

    private static async Task<IResult> RespondAsync(
        HttpContext context,
        string caseId,
        ProviderResponseRequest? request,
        CallerAccess access,
        ProviderResponses responses,
        ProviderPostLimiter providerPosts,
        CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(context, caseId, AccessParty.Provider, cancellationToken);
        if (check.Refusal is not null)
        {
            return check.Refusal;
        }

        if (providerPosts.Refusal(context, caseId) is { } tooMany)
        {
            return tooMany;
        }

        var late = await responses.SubmitAsync(caseId, check.Grant!, request?.Response, request?.DocumentIds ?? [], cancellationToken);
        return Results.Accepted(value: new { caseId, accepted = CaseEvents.ProviderResponseSubmitted, late });
    }
}

/// <summary>The body of POST /api/provider/cases/{caseId}/response.</summary>
internal sealed record ProviderResponseRequest(string? Response, IReadOnlyList<string>? DocumentIds);

/// <summary>
/// The complaint as its provider sees it: the complainant's identity only when not confidential; the description and
/// remedy as staff approved them, else as filed, except for a confidential complaint, whose text is left out (null,
/// <see cref="ComplaintText"/> <c>pendingReview</c>, <see cref="ComplaintTextNote"/> says why) until staff approved it.
/// </summary>
internal sealed record ProviderCaseView(
    string CaseId,
    string ReceiptNumber,
    string Path,
    string Office,
    CaseStage Stage,
    DateTimeOffset ReceivedAt,
    string Provider,
    ProviderComplaintTextState ComplaintText,
    string? ComplaintTextNote,
    string? Description,
    string? RemedyAsked,
    DateOnly? ServiceReceivedOn,
    DateOnly? EventOn,
    decimal? CompensationClaim,
    bool ComplainantConfidential,
    ProviderVisibleComplainant? Complainant,
    DateTimeOffset? RespondBy,
    IReadOnlyList<TrackedDeadline> OpenDeadlines,
    DateTimeOffset? LinkExpiresAt)
{
    public static ProviderCaseView Of(FiledCase filed, AccessGrant grant, ApprovedComplaintText? approved, RuleSet ruleSet)
    {
        var complaint = filed.Complaint;
        var confidential = complaint.Complainant.Confidential;
        var description = ProviderComplaintTexts.DescriptionFor(complaint, approved?.Description);
        return new(
            filed.CaseId,
            filed.ReceiptNumber,
            complaint.Path.ToString().ToLowerInvariant(),
            complaint.Office.Name,
            filed.Stage,
            filed.ReceivedAt,
            complaint.Provider.Name,
            StateOf(complaint, approved),
            description is null ? ProviderComplaintTexts.PendingReview(ruleSet) : null,
            description,
            approved?.RemedyAsked ?? (description is null ? null : complaint.RemedyAsked),
            complaint.ServiceReceivedOn,
            complaint.EventOn,
            complaint.CompensationClaim,
            confidential,
            confidential ? null : new ProviderVisibleComplainant(complaint.Complainant.Name, complaint.Representative?.Name),
            grant.RespondBy,
            filed.Status is null ? [] : [.. filed.Status.OpenDeadlines.Select(TrackedDeadline.Of)],
            grant.ExpiresAt);
    }

    /// <summary>Which text the provider reads: the approved one, else the filed one unless the complainant is confidential.</summary>
    public static ProviderComplaintTextState StateOf(Complaint complaint, ApprovedComplaintText? approved) =>
        approved is not null ? ProviderComplaintTextState.Approved
        : ProviderComplaintTexts.DescriptionFor(complaint, null) is null ? ProviderComplaintTextState.PendingReview
        : ProviderComplaintTextState.AsFiled;
}

/// <summary>Which complaint text the provider's view shows (<see cref="ProviderCaseView.StateOf"/>).</summary>
internal enum ProviderComplaintTextState
{
    /// <summary>The description and remedy as the complainant filed them (not confidential, nothing approved).</summary>
    AsFiled,

    /// <summary>The version staff approved for the provider.</summary>
    Approved,

    /// <summary>Confidential and not approved yet: no description or remedy is shown.</summary>
    PendingReview,
}

/// <summary>Who complained, as the provider may know it (never contact details).</summary>
internal sealed record ProviderVisibleComplainant(string Name, string? Representative);
