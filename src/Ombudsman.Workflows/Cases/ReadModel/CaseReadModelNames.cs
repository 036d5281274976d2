namespace Ombudsman.Workflows.Cases.ReadModel;

/// <summary>Table names of the case read model; bound from <c>StorageNames</c>, defaults as infra/bicep/modules/names.bicep.</summary>
public sealed record CaseReadModelNames
{
    public string CasesTable { get; init; } = "OmbudsmanCases";

    public string TimelineTable { get; init; } = "OmbudsmanTimeline";

    public string OpenDeadlinesTable { get; init; } = "OmbudsmanOpenDeadlines";
}
