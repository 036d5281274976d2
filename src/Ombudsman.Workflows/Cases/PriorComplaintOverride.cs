namespace Ombudsman.Workflows.Cases;

/// <summary>Staff accept a report without a prior complaint (O2), with the reason recorded on the case.</summary>
public sealed record PriorComplaintOverride
{
    public required string Reason { get; init; }

    public required CaseActor DecidedBy { get; init; }
}
