namespace Ombudsman.Workflows.Durable;

/// <summary>A durable timer that has not fired or been cancelled, as listed for staff.</summary>
public sealed record PendingDeadline
{
    public required string InstanceId { get; init; }

    public required int TimerId { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public required DeadlineInfo Deadline { get; init; }

    public IReadOnlyDictionary<string, string> IndexFields { get; init; } = new Dictionary<string, string>();
}
