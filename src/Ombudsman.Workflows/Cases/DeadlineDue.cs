namespace Ombudsman.Workflows.Cases;

/// <summary>
/// Raised by the deadline sweeper when an open-deadline row's due instant has passed by the app's clock. The case
/// applies whichever of this and its own durable timer arrives first; the second changes nothing.
/// </summary>
public sealed record DeadlineDue
{
    public const string EventName = "deadline-due";

    /// <summary>The case timer's key, unique within the case.</summary>
    public required string Key { get; init; }

    public required DateTimeOffset DueAt { get; init; }
}
