using System.Globalization;
using System.Text;
using System.Text.Json;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.CustomHandler;

/// <summary>
/// A queue-trigger invocation from the Functions host: <c>{"Data": {"message": ...}, "Metadata": {"Id": ..., "DequeueCount": ...}}</c>.
/// The host may hand a string over JSON-quoted (a JSON string whose content is the JSON message), so values are unwrapped defensively.
/// </summary>
internal sealed record QueueInvocation(string MessageId, string Body, long DequeueCount)
{
    /// <summary>The binding name the queue functions' function.json files use.</summary>
    public const string BindingName = "message";

    public static QueueInvocation Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("Data", out var data)
            || data.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("Data", "The invocation has no 'Data' object.");
        }

        var message = data.TryGetProperty(BindingName, out var named)
            ? named
            : data.EnumerateObject().Select(p => p.Value).FirstOrDefault();
        if (message.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            throw Invalid($"Data.{BindingName}", "The invocation carries no queue message.");
        }

        var metadata = root.TryGetProperty("Metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var id = ReadString(metadata, "Id") ?? string.Empty;
        var dequeueCount = ReadLong(metadata, "DequeueCount") ?? 1;
        return new QueueInvocation(id, Unwrap(message), dequeueCount);
    }

    /// <summary>The message text: raw JSON for an object, the content of a (possibly repeatedly) quoted string otherwise.</summary>
    internal static string Unwrap(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value.GetRawText();
        }

        var text = value.GetString()!;
        for (var depth = 0; depth < 4; depth++)
        {
            var trimmed = text.Trim();
            if (trimmed.Length < 2 || trimmed[0] != '"')
            {
                break;
            }

            try
            {
                text = JsonSerializer.Deserialize<string>(trimmed) ?? string.Empty;
            }
            catch (JsonException)
            {
                break;
            }
        }

        return LooksLikeBase64Json(text, out var decoded) ? decoded : text;
    }

    /// <summary>
    /// Our messages are JSON objects, which are never valid Base64; so Base64 that decodes to a JSON object can only be a
    /// message the host did not decode (host.json messageEncoding out of step with the runtime's queue clients).
    /// </summary>
    private static bool LooksLikeBase64Json(string text, out string decoded)
    {
        decoded = text;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed[0] == '{' || trimmed.Length % 4 != 0)
        {
            return false;
        }

        var buffer = new byte[trimmed.Length];
        if (!Convert.TryFromBase64String(trimmed, buffer, out var length))
        {
            return false;
        }

        var candidate = Encoding.UTF8.GetString(buffer, 0, length);
        if (!candidate.TrimStart().StartsWith('{'))
        {
            return false;
        }

        decoded = candidate;
        return true;
    }

    private static string? ReadString(JsonElement metadata, string name)
    {
        if (metadata.ValueKind != JsonValueKind.Object || !metadata.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => Unwrap(value),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    private static long? ReadLong(JsonElement metadata, string name)
    {
        if (metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out var number) ? number : null;
        }

        return ReadString(metadata, name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    private static DomainException Invalid(string field, string message) =>
        new(DomainErrorKind.Validation, "invalid-invocation", message, field);
}
