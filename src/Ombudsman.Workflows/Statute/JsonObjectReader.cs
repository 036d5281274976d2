using System.Globalization;
using System.Text.Json;

namespace Ombudsman.Workflows.Statute;

/// <summary>
/// Reads the fields of one JSON object and records a problem for every missing, malformed, duplicated or
/// unknown field instead of stopping at the first, so one start-up failure lists everything to fix.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly string _file;
    private readonly string _prefix;
    private readonly List<StatuteDataProblem> _problems;

    public JsonObjectReader(JsonElement element, string file, string subject, string prefix, List<StatuteDataProblem> problems)
    {
        _element = element;
        _file = file;
        Subject = subject;
        _prefix = prefix;
        _problems = problems;
    }

    public string Subject { get; set; }

    public void Problem(string field, string message) =>
        _problems.Add(new StatuteDataProblem { File = _file, Subject = Subject, Field = _prefix + field, Message = message });

    /// <summary>Flags fields the format does not know (usually typos) and fields given twice.</summary>
    public void RejectUnknownAndDuplicateFields(params string[] known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Problem(property.Name, "is given more than once");
            }
            else if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Problem(property.Name, $"is not a known field (expected one of: {string.Join(", ", known)})");
            }
        }
    }

    public bool Has(string name) => _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement? Get(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string? OptionalString(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            Problem(name, $"must be a string, was {Describe(value.Value)}");
            return null;
        }

        var text = value.Value.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem(name, "must not be empty");
            return null;
        }

        return text.Trim();
    }

    public string? RequiredString(string name)
    {
        if (!Has(name))
        {
            Problem(name, "is missing");
            return null;
        }

        return OptionalString(name);
    }

    public int? RequiredInt(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            Problem(name, "is missing");
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetInt32(out var number))
        {
            Problem(name, $"must be a whole number, was {Describe(value.Value)}");
            return null;
        }

        return number;
    }

    public DateOnly? RequiredDate(string name)
    {
        var text = RequiredString(name);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Problem(name, $"must be a date as yyyy-MM-dd, was \"{text}\"");
            return null;
        }

        return date;
    }

    public T? RequiredChoice<T>(string name, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = RequiredString(name);
        if (text is null)
        {
            return null;
        }

        if (!choices.TryGetValue(text, out var choice))
        {
            Problem(name, $"\"{text}\" is not one of: {string.Join(", ", choices.Keys)}");
            return null;
        }

        return choice;
    }

    public IReadOnlyList<JsonElement>? RequiredArray(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            Problem(name, "is missing");
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Problem(name, $"must be an array, was {Describe(value.Value)}");
            return null;
        }

        return [.. value.Value.EnumerateArray()];
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
