namespace Ombudsman.Workflows.Durable;

/// <summary>Which instances to list: by status, by a top-level field of the custom status, by an index field.</summary>
public sealed record InstanceQuery
{
    public OrchestrationStatus? Status { get; init; }

    /// <summary>Top-level custom status fields that must equal the given text (e.g. stage = "examination").</summary>
    public IReadOnlyDictionary<string, string> CustomStatusFields { get; init; } = new Dictionary<string, string>();

    /// <summary>Index fields set by the orchestration (e.g. office = "JKT").</summary>
    public IReadOnlyDictionary<string, string> IndexFields { get; init; } = new Dictionary<string, string>();

    public int MaxResults { get; init; } = 1000;
}
