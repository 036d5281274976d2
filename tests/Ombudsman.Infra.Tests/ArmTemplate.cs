using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ombudsman.Infra.Tests;

/// <summary>
/// Read access to a compiled ARM template. Values that Bicep compiles to expressions stay expressions; only
/// plain variable look-ups (<c>[variables('x').a.b]</c>) and copy loops over a variable are resolved, which is
/// enough to see which names and role ids a template really uses.
/// </summary>
public sealed partial class ArmTemplate(JsonElement root)
{
    public JsonElement Root { get; } = root;

    /// <summary>Every resource, whether the template lists them (classic) or names them (languageVersion 2.0).</summary>
    public IEnumerable<JsonElement> Resources
    {
        get
        {
            var resources = Root.GetProperty("resources");
            return resources.ValueKind == JsonValueKind.Object
                ? resources.EnumerateObject().Select(p => p.Value)
                : resources.EnumerateArray();
        }
    }

    /// <summary>A resource by its Bicep symbolic name (languageVersion 2.0 templates).</summary>
    public JsonElement Resource(string symbolicName) => Root.GetProperty("resources").GetProperty(symbolicName);

    public IReadOnlyList<JsonElement> ResourcesOfType(string type) =>
        Resources.Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonElement SingleResourceOfType(string type) => Assert.Single(ResourcesOfType(type));

    public JsonElement Variable(string name) => Root.GetProperty("variables").GetProperty(name);

    public JsonElement Parameter(string name) => Root.GetProperty("parameters").GetProperty(name);

    /// <summary>Follows a plain variable look-up expression to its value; any other value comes back as it is.</summary>
    public JsonElement Resolve(JsonElement value)
    {
        while (value.ValueKind == JsonValueKind.String && VariablePath().Match(value.GetString()!) is { Success: true } match)
        {
            value = Variable(match.Groups["name"].Value);
            foreach (var property in match.Groups["path"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                value = value.GetProperty(property);
            }
        }

        return value;
    }

    /// <summary>The items a copy loop iterates over, resolved; the loop must run over a variable.</summary>
    public IReadOnlyList<JsonElement> CopyItems(JsonElement resource)
    {
        var count = resource.GetProperty("copy").GetProperty("count").GetString()!;
        var match = LengthOfVariable().Match(count);
        Assert.True(match.Success, $"copy loop over something other than a variable: {count}");
        return Variable(match.Groups["name"].Value).EnumerateArray().Select(Resolve).ToList();
    }

    /// <summary>Settings of an appSettings array as name -> raw value (literal or expression).</summary>
    public static IReadOnlyDictionary<string, string> Settings(JsonElement appSettings) =>
        appSettings.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    [GeneratedRegex(@"^\[variables\('(?<name>\w+)'\)(?<path>(\.\w+)*)\]$")]
    private static partial Regex VariablePath();

    [GeneratedRegex(@"^\[length\(variables\('(?<name>\w+)'\)\)\]$")]
    private static partial Regex LengthOfVariable();
}
