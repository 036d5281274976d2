using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Cases.ReadModel;

/// <summary>
/// The few facts of a case that statistics are counted from, read as separate columns of the case row so a report
/// over many cases does not read every case's whole status.
/// </summary>
public sealed record CaseFacts
{
    public required string CaseId { get; init; }

    public required string Office { get; init; }

    /// <summary>The office's zone code: the dates of the case are the dates of this zone.</summary>
    public required string OfficeTimeZone { get; init; }

    public required CaseStage Stage { get; init; }

    public required ComplaintPath Path { get; init; }

    public required IntakeChannel Channel { get; init; }

    public string? ProviderName { get; init; }

    public ProviderKind? ProviderKind { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public CaseClosedReason? ClosedReason { get; init; }

    public IReadOnlyList<DeadlineRecord> Deadlines { get; init; } = [];
}
