using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// The one JSON setting for everything a case stores or sends: orchestration inputs, outputs and events (the engine's
/// data converter), read-model rows and API payloads. Enums travel as names so stored history stays readable.
/// </summary>
public static class CaseJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The engine's data converter on <see cref="Options"/>, for every worker and client of the task hub.</summary>
    public static DataConverter DataConverter { get; } = new JsonDataConverter(Options);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

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
