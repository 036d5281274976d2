using System.Text.Json.Serialization;

namespace Ombudsman.Functions.CustomHandler;

/// <summary>What the Functions host expects back from a custom handler invocation.</summary>
internal sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    public static InvocationResponse WithLogs(params string[] logs) => new(new Dictionary<string, object?>(), logs, null);
}
