using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>What a stage's wait returned: an accepted event, or a deadline without a background consequence that passed.</summary>
internal sealed record CaseSignal
{
    public string? EventName { get; init; }

    public CaseAction? Action { get; init; }

    public CaseTimer? Expired { get; init; }

    public bool Is(string eventName) => string.Equals(EventName, eventName, StringComparison.Ordinal);
}
