using Ombudsman.Workflows.Errors;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// Filing did not complete (the case never reached the read model within the wait) and was undone: no case runs under
/// the id, so the complainant may file again (503).
/// </summary>
public sealed class CaseFilingNotCompletedException(string caseId, Exception? cause = null)
    : DomainException(DomainErrorKind.Unavailable, ProblemCode, "The complaint could not be registered just now and nothing was kept; file it again in a moment.", [])
{
    public const string ProblemCode = "filing-not-completed";

    public string CaseId { get; } = caseId;

    /// <summary>What stopped the filing, if it failed rather than ran out of time.</summary>
    public Exception? Cause { get; } = cause;
}
