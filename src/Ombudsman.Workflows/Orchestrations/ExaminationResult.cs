using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>How examination ended: a decision, an agreement in mediation, or a special adjudication decision.</summary>
internal sealed record ExaminationResult
{
    public CaseAction? Decision { get; init; }

    public bool MediationAgreed { get; init; }

    public CaseAction? Adjudication { get; init; }
}
