namespace Ombudsman.Workflows.Cases;

/// <summary>
/// The input of a case orchestration: the complaint and the instant the app received it, by the app's clock. Every
/// statutory count that runs "from receipt" starts at <see cref="ReceivedAt"/>, never at the engine's own clock.
/// </summary>
public sealed record CaseFiling
{
    public required Complaint Complaint { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
