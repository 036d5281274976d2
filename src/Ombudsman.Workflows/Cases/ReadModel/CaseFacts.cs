using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Cases.ReadModel;

/// <summary>
/// The few facts of a case that statistics are counted from, read as separate columns of the case row so a report
/// over many cases does not read every case's whole status.
/// </summary>
public sealed record CaseFacts : CaseColumns
{
    public ProviderKind? ProviderKind { get; init; }

    public CaseClosedReason? ClosedReason { get; init; }

    public IReadOnlyList<DeadlineRecord> Deadlines { get; init; } = [];
}
