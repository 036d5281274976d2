using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Workflows.Durable.Dispatch;

/// <summary>
/// Serializes queue messages; one larger than a queue message may be (64 KiB, less the Base64 third) is written to
/// the payload store and the message carries a reference and the instance id.
/// </summary>
internal sealed class MessageCodec(IPayloadStore payloads)
{
    /// <summary>UTF-8 bytes a message may have inline: 64 KiB after Base64, with room for the envelope.</summary>
    public const int MaxInlineBytes = 45 * 1024;

    private const string ReferenceProperty = "payloadRef";

    public async Task<string> EncodeAsync<T>(T message, string instanceId, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(message, DurableJson.Options);
        if (Encoding.UTF8.GetByteCount(json) <= MaxInlineBytes)
        {
            return json;
        }

        var name = $"messages/{Uri.EscapeDataString(instanceId)}/{Guid.NewGuid():N}.json";
        await payloads.PutAsync(name, json, cancellationToken);
        return new JsonObject { [ReferenceProperty] = name, ["instanceId"] = instanceId }.ToJsonString();
    }

    public async Task<T> DecodeAsync<T>(string body, CancellationToken cancellationToken)
    {
        var json = body;
        if (TryReadReference(body, out var name, out _))
        {
            json = await payloads.GetAsync(name, cancellationToken);
        }

        return JsonSerializer.Deserialize<T>(json, DurableJson.Options)
            ?? throw new JsonException("The message body is empty.");
    }

    /// <summary>The instance a message belongs to, read without fetching its payload (for poison records).</summary>
    public static string? TryReadInstanceId(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["instanceId"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool TryReadReference(string body, out string name, out string? instanceId)
    {
        name = string.Empty;
        instanceId = null;
        if (!body.Contains(ReferenceProperty, StringComparison.Ordinal))
        {
            return false;
        }

        var node = JsonNode.Parse(body);
        if (node?[ReferenceProperty]?.GetValue<string>() is not { } reference)
        {
            return false;
        }

        name = reference;
        instanceId = node["instanceId"]?.GetValue<string>();
        return true;
    }
}
