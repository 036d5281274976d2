namespace Ombudsman.Workflows.Cases;

/// <summary>The complaint and the instant it was received, for the intake checks.</summary>
public sealed record IntakeRequest
{
    public required Complaint Complaint { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
