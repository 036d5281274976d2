namespace Ombudsman.Workflows.Cases;

/// <summary>The output of a case orchestration: how and when it closed.</summary>
public sealed record CaseOutcome
{
    public required string CaseId { get; init; }

    public required CaseClosedReason Reason { get; init; }

    public required string Detail { get; init; }

    public required DateTimeOffset ClosedAt { get; init; }
}
