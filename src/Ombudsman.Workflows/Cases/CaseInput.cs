namespace Ombudsman.Workflows.Cases;

/// <summary>
/// A staff or party action on its way to the case: the event name (one of <see cref="CaseEvents"/>), its payload,
/// and the instant the app received it. All actions travel on one external event, <see cref="EventName"/>, so the
/// case takes them strictly in the order they arrived.
/// </summary>
public sealed record CaseInput
{
    public const string EventName = "case-event";

    public required string Name { get; init; }

    public required CaseAction Action { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
