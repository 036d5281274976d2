namespace Ombudsman.Workflows.Durable;

/// <summary>What ended a wait on events and timers: exactly one of <see cref="Event"/> and <see cref="Timer"/> is set.</summary>
public sealed record EventOrTimer
{
    /// <summary>The event that arrived first, or null when a timer fired first.</summary>
    public ExternalEvent? Event { get; init; }

    /// <summary>The timer that fired first, or null when an event arrived first.</summary>
    public DurableTimer? Timer { get; init; }
}
