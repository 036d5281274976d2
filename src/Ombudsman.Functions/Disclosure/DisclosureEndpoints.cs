using Ombudsman.Functions.Api;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Routing;
using Ombudsman.Functions.Staff;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Notifications;
using static Ombudsman.Functions.Staff.StaffEndpoints;

namespace Ombudsman.Functions.Disclosure;

/// <summary>
/// Staff decide what the provider of a case of their office may see (UU 25/2009 art. 42(5)): which of the complainant's
/// and staff's files are shared with it, and the complaint text it reads. Every decision is kept on the case's
/// timeline for staff only. Another office's case answers like a missing one (404); deciding takes the roles that
/// manage the provider link.
/// </summary>
internal static class DisclosureEndpoints
{
    public const string ProviderTextRevealsIdentity = "provider-text-reveals-identity";
    public const string EvidenceNotShareable = "evidence-not-shareable";

    private const int LongText = 20_000;

    public static HttpRouteTable AddDisclosureRoutes(this HttpRouteTable routes) => routes
        .Add(StaffEndpoints.Staff(HttpRoute.Get("StaffDisclosure", "api/staff/cases/{caseId}/disclosure", GetAsync)) with
        {
            Describe = b => b
                .WithSummary("What the provider of a case of my office sees: the complaint text (as filed, the proposed redaction, the approved version) and which files are shared, under which neutral name.")
                .Produces<StaffDisclosureView>()
                .ProducesProblem(StatusCodes.Status404NotFound),
        })
        .Add(StaffEndpoints.Staff(HttpRoute.Post("ApproveProviderComplaintText", "api/staff/cases/{caseId}/disclosure/complaint-text", ApproveTextAsync)) with
        {
            AcceptsIdempotencyKey = true,
            Describe = b => b
                .WithSummary("Approves the description and remedy the provider reads (edited from the proposal); for a confidential complainant, a text that still names them is refused.")
                .Produces<ApprovedComplaintText>()
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity),
        })
        .Add(StaffEndpoints.Staff(HttpRoute.Post("ShareFileWithProvider", "api/staff/cases/{caseId}/disclosure/files/{evidenceId}", ShareAsync)) with
        {
            AcceptsIdempotencyKey = true,
            Describe = b => b
                .WithSummary("Shares one complainant or staff file with the provider, under a neutral name (lampiran-<n>.<ext>); sharing a shared file changes nothing.")
                .Produces<SharedFile>()
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict),
        })
        .Add(StaffEndpoints.Staff(HttpRoute.Delete("UnshareFileWithProvider", "api/staff/cases/{caseId}/disclosure/files/{evidenceId}", UnshareAsync)) with
        {
            Describe = b => b
                .WithSummary("Stops sharing one file with the provider at once (also when it was not shared).")
                .Produces(StatusCodes.Status204NoContent)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound),
        });

    private static async Task<IResult> GetAsync(
        HttpContext context, string caseId, CaseReader reader, DisclosureStore disclosures, EvidenceStore evidence, CancellationToken cancellationToken)
    {
        if (await OfficeCaseAsync(context, caseId, reader, cancellationToken) is not { } filed)
        {
            return CaseNotFound(caseId);
        }

        var complaint = filed.Complaint;
        var identity = ComplainantIdentity.Of(complaint);
        var approved = await disclosures.GetApprovedTextAsync(caseId, cancellationToken);
        var decided = (await disclosures.ListFilesAsync(caseId, cancellationToken)).ToDictionary(f => f.EvidenceId, StringComparer.Ordinal);
        var files = (await evidence.ListAsync(caseId, cancellationToken))
            .Where(r => r.Party != EvidenceParty.Provider)
            .Select(r => new StaffDisclosedFile(
                r.EvidenceId,
                r.OriginalName,
                r.Party,
                decided.GetValueOrDefault(r.EvidenceId) is { Shared: true } shared ? shared.NeutralName : null))
            .ToList();
        return Results.Ok(new StaffDisclosureView(
            caseId,
            complaint.Complainant.Confidential,
            ProviderCaseView.StateOf(complaint, approved),
            new ComplaintTextVersion(complaint.Description, complaint.RemedyAsked),
            new ComplaintTextVersion(ConfidentialityGuard.Redact(complaint.Description, identity), ConfidentialityGuard.Redact(complaint.RemedyAsked, identity)),
            approved,
            files));
    }

    private static async Task<IResult> ApproveTextAsync(
        HttpContext context, string caseId, ComplaintTextVersion? body, CaseReader reader, DisclosureStore disclosures, TimeProvider time, CancellationToken cancellationToken)
    {
        var (refusal, filed) = await DecisionRefusalAsync(context, caseId, reader, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = new List<FieldError>();
        CheckText(errors, "description", body?.Description);
        CheckText(errors, "remedyAsked", body?.RemedyAsked);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var description = body!.Description!.Trim();
        var remedy = body.RemedyAsked!.Trim();
        if (filed!.Complaint.Complainant.Confidential)
        {
            var identity = ComplainantIdentity.Of(filed.Complaint);
            var leaks = new[] { ("description", ConfidentialityGuard.FindLeak(description, identity)), ("remedyAsked", ConfidentialityGuard.FindLeak(remedy, identity)) }
                .Where(l => l.Item2 is not null)
                .Select(l => new FieldError(l.Item1, ProviderTextRevealsIdentity, $"The text still shows the confidential complainant's {l.Item2}."))
                .ToList();
            if (leaks.Count > 0)
            {
                return Problems.Result(
                    StatusCodes.Status422UnprocessableEntity,
                    ProviderTextRevealsIdentity,
                    "Refused by rule",
                    "The complainant asked for their identity to be kept confidential; mask it before approving.",
                    leaks);
            }
        }

        var member = Member(context);
        var approved = new ApprovedComplaintText { Description = description, RemedyAsked = remedy, ApprovedAt = time.GetUtcNow(), ApprovedBy = member.Id };
        await disclosures.ApproveTextAsync(caseId, approved, member.ToActor(), "Approved the complaint text the provider reads.", cancellationToken);
        return Results.Ok(approved);
    }

    private static async Task<IResult> ShareAsync(
        HttpContext context, string caseId, string evidenceId, CaseReader reader, DisclosureStore disclosures, EvidenceStore evidence, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await DecisionRefusalAsync(context, caseId, reader, cancellationToken) is { Refusal: { } refusal })
        {
            return refusal;
        }

        var record = EvidenceIds.PartyOf(evidenceId) is null ? null : await evidence.GetAsync(caseId, evidenceId, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound("evidence-not-found", $"The case has no file '{evidenceId}'.");
        }

        if (record.Party == EvidenceParty.Provider)
        {
            return Problems.Result(StatusCodes.Status409Conflict, EvidenceNotShareable, "Conflict", $"'{evidenceId}' is the provider's own document; it sees it already.");
        }

        var member = Member(context);
        var extension = Path.GetExtension(record.FileName).ToLowerInvariant();
        var shared = await disclosures.ShareAsync(
            caseId, evidenceId, extension, member.ToActor(), time.GetUtcNow(), $"Shared file {evidenceId} (\"{record.OriginalName}\") with the provider.", cancellationToken);
        return Results.Ok(shared);
    }

    private static async Task<IResult> UnshareAsync(
        HttpContext context, string caseId, string evidenceId, CaseReader reader, DisclosureStore disclosures, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await DecisionRefusalAsync(context, caseId, reader, cancellationToken) is { Refusal: { } refusal })
        {
            return refusal;
        }

        await disclosures.UnshareAsync(
            caseId, evidenceId, Member(context).ToActor(), time.GetUtcNow(), $"Stopped sharing file {evidenceId} with the provider.", cancellationToken);
        return Results.NoContent();
    }

    private static void CheckText(List<FieldError> errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(field, "field-required", $"{field} is required."));
        }
        else if (text.Length > LongText)
        {
            errors.Add(new FieldError(field, "too-long", $"At most {LongText} characters."));
        }
    }

    /// <summary>Office first (another office's case is a missing case), then role.</summary>
    private static async Task<(IResult? Refusal, FiledCase? Filed)> DecisionRefusalAsync(HttpContext context, string caseId, CaseReader reader, CancellationToken cancellationToken)
    {
        if (await OfficeCaseAsync(context, caseId, reader, cancellationToken) is not { } filed)
        {
            return (CaseNotFound(caseId), null);
        }

        var member = Member(context);
        if (!StaffActionPermissions.MayManageProviderLink(member))
        {
            return (Problems.Result(
                StatusCodes.Status403Forbidden,
                RoleNotAllowed,
                "Role not allowed",
                $"What the provider sees is decided by {string.Join(" or ", StaffActionPermissions.ProviderLinkRoles)}; you act as {string.Join(", ", member.Roles)}."), filed);
        }

        return (null, filed);
    }

    private static async Task<FiledCase?> OfficeCaseAsync(HttpContext context, string caseId, CaseReader reader, CancellationToken cancellationToken)
    {
        var filed = await reader.GetAsync(caseId, cancellationToken);
        return filed?.Status is { } status && status.Office == Member(context).Office ? filed : null;
    }

}

/// <summary>A complaint text: the description and the remedy asked.</summary>
internal sealed record ComplaintTextVersion(string? Description, string? RemedyAsked);

/// <summary>One complainant or staff file, and the neutral name it is shared with the provider under (null: not shared).</summary>
internal sealed record StaffDisclosedFile(string EvidenceId, string OriginalName, EvidenceParty Party, string? SharedAs);

/// <summary>What the provider of a case sees, for staff deciding it.</summary>
internal sealed record StaffDisclosureView(
    string CaseId,
    bool ComplainantConfidential,
    ProviderComplaintTextState ProviderSees,
    ComplaintTextVersion Filed,
    ComplaintTextVersion Proposed,
    ApprovedComplaintText? Approved,
    IReadOnlyList<StaffDisclosedFile> Files);
