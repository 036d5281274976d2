namespace Ombudsman.Workflows.Durable;

/// <summary>Pending deadlines due in [DueFrom, DueTo), optionally narrowed by index fields such as the office.</summary>
public sealed record DeadlineQuery
{
    public required DateTimeOffset DueFrom { get; init; }

    public required DateTimeOffset DueTo { get; init; }

    public IReadOnlyDictionary<string, string> IndexFields { get; init; } = new Dictionary<string, string>();

    public int MaxResults { get; init; } = 1000;
}
