namespace Ombudsman.Workflows.Cases;

/// <summary>How a mediation or conciliation round ended.</summary>
public enum MediationResult
{
    Agreed,
    Failed,

    /// <summary>No agreement yet; the parties meet for another round.</summary>
    AnotherRound,
}
