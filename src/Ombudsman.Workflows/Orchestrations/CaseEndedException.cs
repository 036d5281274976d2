using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Thrown inside a case orchestration when the case must close from whatever stage it is in (withdrawn, deemed
/// withdrawn, rejected); <see cref="CaseOrchestration"/> catches it and runs the closure. An exception, so no
/// stage has to check for "any stage -> closed" after every wait.
/// </summary>
internal sealed class CaseEndedException(CaseClosedReason reason, string detail, CaseActor actor, CaseDeadline? deadline = null)
    : Exception($"Case closed: {reason}: {detail}")
{
    public CaseClosedReason Reason { get; } = reason;

    public string Detail { get; } = detail;

    public CaseActor Actor { get; } = actor;

    /// <summary>The deadline whose passing ended the case (deemed withdrawal), so the complainant is told which one.</summary>
    public CaseDeadline? Deadline { get; } = deadline;
}
