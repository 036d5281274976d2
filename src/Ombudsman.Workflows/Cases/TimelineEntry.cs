namespace Ombudsman.Workflows.Cases;

/// <summary>One thing that happened on a case: when, who, what.</summary>
public sealed record TimelineEntry
{
    public required DateTimeOffset At { get; init; }

    public required CaseActor Actor { get; init; }

    public required string What { get; init; }
}
