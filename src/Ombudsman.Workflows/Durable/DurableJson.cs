using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ombudsman.Workflows.Durable;

/// <summary>The one JSON setting used for inputs, outputs, events, history and messages.</summary>
public static class DurableJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string? Serialize<T>(T value) => value is null ? null : JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
