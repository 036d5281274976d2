using Ombudsman.Workflows.Errors;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// A case id that is already another case's (a running or ended instance, or a read-model row): filing under it would
/// hand someone else's case to a new complainant, so it is refused and the existing case is left untouched (409).
/// </summary>
public sealed class CaseIdTakenException(string caseId)
    : DomainException(DomainErrorKind.Conflict, ProblemCode, $"The case id '{caseId}' is already taken by another case.", "caseId")
{
    public const string ProblemCode = "case-id-taken";

    public string CaseId { get; } = caseId;
}
