using Ombudsman.Functions.Evidence;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Api;

/// <summary>
/// What a complainant does to a case, whether asked through the API or through the case page: complete an incomplete
/// file in the cure window (UU 25/2009 art. 45(2)) and withdraw. Each checks its input, then sends the action; a
/// refusal throws (<see cref="DomainException"/> for bad input, <see cref="CaseActionRefusedException"/> for a case
/// that does not take it now) and changes nothing.
/// </summary>
internal sealed class ComplainantActions(EvidenceStore evidence, CaseCommands cases)
{
    public const int MaxNoteLength = 20_000;

    public const int MaxReasonLength = 2_000;

    /// <summary>Completes the file with text and/or files the case already holds.</summary>
    public async Task CureAsync(string caseId, string? note, IReadOnlyList<string> evidenceIds, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(note) && evidenceIds.Count == 0)
        {
            errors.Add(new("note", "cure-content-required", "Give the missing items as text ('note') and/or files uploaded before ('evidenceIds')."));
        }

        if (note is { Length: > MaxNoteLength })
        {
            errors.Add(new("note", "too-long", $"At most {MaxNoteLength} characters."));
        }

        if (evidenceIds.Count > 0)
        {
            var stored = (await evidence.ListAsync(caseId, cancellationToken)).Select(r => r.EvidenceId).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(evidenceIds.Select((id, i) => (id, i)).Where(p => !stored.Contains(p.id))
                .Select(p => new FieldError($"evidenceIds[{p.i}]", "evidence-not-found", $"The case has no file '{p.id}'; upload it first.")));
        }

        if (errors.Count > 0)
        {
            throw DomainException.Validation(errors);
        }

        var text = string.Join(
            " ",
            new[] { note?.Trim(), evidenceIds.Count > 0 ? $"(files: {string.Join(", ", evidenceIds)})" : null }.OfType<string>().Where(s => s.Length > 0));
        await cases.SubmitAsync(caseId, CaseEvents.CureSubmitted, new CaseAction { Actor = Complainant(caseId), Note = text }, cancellationToken);
    }

    /// <summary>Withdraws the complaint; the reason is required.</summary>
    public async Task WithdrawAsync(string caseId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            throw DomainException.Validation([new("reason", "field-required", $"Say why the complaint is withdrawn (at most {MaxReasonLength} characters).")]);
        }

        await cases.SubmitAsync(caseId, CaseEvents.Withdraw, new CaseAction { Actor = Complainant(caseId), Note = reason.Trim() }, cancellationToken);
    }

    /// <summary>The complainant as a case actor: the tracking token stands for them, so their reference is the case id.</summary>
    private static CaseActor Complainant(string caseId) => new() { Role = CaseRole.Complainant, Id = "complainant:" + caseId };
}
