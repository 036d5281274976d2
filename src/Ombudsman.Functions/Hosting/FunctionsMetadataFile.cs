using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace Ombudsman.Functions.Hosting;

/// <summary>
/// Writes functions.metadata as the worker reports its functions (source-generated metadata, then the transformers),
/// so the package the Functions host and the platform read lists one HTTP function per route. The build runs the
/// app with <see cref="Switch"/> after compiling (Ombudsman.Functions.csproj).
/// </summary>
internal static class FunctionsMetadataFile
{
    public const string Switch = "--write-functions-metadata";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>True when <paramref name="args"/> asks for the file: <c>--write-functions-metadata &lt;path&gt; [settings…]</c>.</summary>
    public static bool IsRequested(string[] args, out string path, out string[] settings)
    {
        ArgumentNullException.ThrowIfNull(args);
        path = args.Length >= 2 && args[0] == Switch ? args[1] : string.Empty;
        settings = path.Length > 0 ? args[2..] : [];
        return path.Length > 0;
    }

    public static async Task WriteAsync(IServiceProvider services, string path)
    {
        var fullPath = Path.GetFullPath(path);
        var manager = services.GetRequiredService<IFunctionMetadataManager>();
        var functions = await manager.GetFunctionMetadataAsync(Path.GetDirectoryName(fullPath)!);
        var document = new JsonArray();
        foreach (var function in functions.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            document.Add(new JsonObject
            {
                ["name"] = function.Name,
                ["scriptFile"] = function.ScriptFile,
                ["entryPoint"] = function.EntryPoint,
                ["language"] = function.Language,
                ["properties"] = new JsonObject { ["IsCodeless"] = false },
                ["bindings"] = new JsonArray([.. (function.RawBindings ?? []).Select(b => JsonNode.Parse(b))]),
            });
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        await File.WriteAllTextAsync(fullPath, document.ToJsonString(Indented) + Environment.NewLine);
    }
}
