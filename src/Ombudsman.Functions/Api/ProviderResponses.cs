using Ombudsman.Functions.Access;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.ProviderLimits;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Api;

/// <summary>
/// Records the provider's written response on its case, for the API and the provider's page alike: the text is
/// required (at most <see cref="MaxLength"/> characters), the documents named must be the provider's own uploads, a
/// response after the deadline the link was issued for is accepted and marked late, and each response counts against
/// Provider:MaxResponses (given back when the case did not take it).
/// </summary>
internal sealed class ProviderResponses(EvidenceStore evidence, CaseCommands cases, TimeProvider time, ProviderAllowance allowance)
{
    public const int MaxLength = 20_000;

    /// <summary>Every problem of the response at once (field <c>response</c>, <c>documentIds[i]</c>).</summary>
    public async Task<IReadOnlyList<FieldError>> CheckAsync(string caseId, string? response, IReadOnlyList<string> documentIds, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(response))
        {
            errors.Add(new("response", "field-required", "The written response is required."));
        }
        else if (response.Length > MaxLength)
        {
            errors.Add(new("response", "too-long", $"At most {MaxLength} characters."));
        }

        if (documentIds.Count > 0)
        {
            // Only its own documents: the provider knows no other file's id.
            var stored = (await evidence.ListAsync(caseId, cancellationToken))
                .Where(r => r.Party == EvidenceParty.Provider).Select(r => r.EvidenceId).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(documentIds.Select((id, i) => (id, i)).Where(p => !stored.Contains(p.id))
                .Select(p => new FieldError($"documentIds[{p.i}]", "evidence-not-found", $"The case has no file '{p.id}'; upload it first.")));
        }

        return errors;
    }

    /// <summary>Whether the link's deadline has passed: what the provider sends now is marked late.</summary>
    public bool IsLate(AccessGrant grant) => grant.RespondBy is { } due && time.GetUtcNow() > due;

    /// <summary>
    /// Submits the response to the case and returns whether it was late. Throws <see cref="DomainException"/>
    /// (validation, <c>provider-response-limit</c>) or <see cref="CaseActionRefusedException"/>; nothing counts then.
    /// </summary>
    public async Task<bool> SubmitAsync(string caseId, AccessGrant grant, string? response, IReadOnlyList<string> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var errors = await CheckAsync(caseId, response, documentIds, cancellationToken);
        if (errors.Count > 0)
        {
            throw DomainException.Validation(errors);
        }

        var late = IsLate(grant);
        var note = ProviderResponseNote.Compose(response!.Trim(), documentIds, late ? grant.RespondBy : null);
        await allowance.ReserveResponseAsync(caseId, cancellationToken);
        try
        {
            await cases.SubmitAsync(
                caseId,
                CaseEvents.ProviderResponseSubmitted,
                new CaseAction { Actor = new CaseActor { Role = CaseRole.Provider, Id = "provider:" + caseId }, Note = note },
                cancellationToken);
        }
        catch (Exception)
        {
            // Not submitted (refused by the stage, or the engine unreachable): it does not count against the bound.
            await allowance.ReleaseResponseAsync(caseId, CancellationToken.None);
            throw;
        }

        return late;
    }
}
