namespace Ombudsman.Workflows.Durable;

/// <summary>An external event received by name; the payload is read as the type its name implies.</summary>
public sealed record ExternalEvent(string Name, string? Payload)
{
    public T? Read<T>() => DurableJson.Deserialize<T>(Payload);
}
