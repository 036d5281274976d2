using System.Text.Json.Nodes;

namespace Ombudsman.Testing;

/// <summary>One request the fake SendGrid server received.</summary>
public sealed record RecordedSendGridRequest
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string Body { get; init; }

    /// <summary>The body parsed as JSON, or null when the body was empty.</summary>
    public required JsonNode? Json { get; init; }
}
