namespace Ombudsman.Workflows.Durable;

/// <summary>Outcome of a race between an external event and a deadline timer.</summary>
public sealed record EventOrTimeout<T>
{
    public bool TimedOut { get; init; }

    public T? Event { get; init; }

    public static EventOrTimeout<T> Received(T? value) => new() { Event = value };

    public static EventOrTimeout<T> Expired() => new() { TimedOut = true };
}
