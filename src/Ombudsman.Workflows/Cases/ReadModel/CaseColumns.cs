using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Cases.ReadModel;

/// <summary>
/// What both a list row (<see cref="ListedCase"/>) and a statistics row (<see cref="CaseFacts"/>) read from their own
/// columns of the case row: which case, whose office, where it stands and how it came in.
/// </summary>
public abstract record CaseColumns
{
    public required string CaseId { get; init; }

    public required string Office { get; init; }

    /// <summary>The office's zone code: the case's dates are the dates of this zone.</summary>
    public required string OfficeTimeZone { get; init; }

    public required CaseStage Stage { get; init; }

    public required ComplaintPath Path { get; init; }

    public required IntakeChannel Channel { get; init; }

    public string? ProviderName { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }
}
