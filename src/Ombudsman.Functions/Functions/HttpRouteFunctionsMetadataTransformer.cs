using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Ombudsman.Functions.Routing;

namespace Ombudsman.Functions.Functions;

/// <summary>
/// What the worker reports to the Functions host (worker indexing, and functions.metadata written after the build):
/// the template <see cref="HttpRouteFunction"/> becomes one HTTP function per route, named after it, with the route's
/// template (<see cref="HttpRoute.FunctionRoute"/>) and methods; every other function passes through unchanged.
/// </summary>
internal sealed class HttpRouteFunctionsMetadataTransformer(HttpRouteTable routes) : IFunctionMetadataTransformer
{
    public string Name => nameof(HttpRouteFunctionsMetadataTransformer);

    public void Transform(IList<IFunctionMetadata> original)
    {
        ArgumentNullException.ThrowIfNull(original);

        // Absent when the metadata was read from an already expanded functions.metadata.
        var template = original.FirstOrDefault(m => m.Name == HttpRouteFunction.TemplateName);
        if (template is null)
        {
            return;
        }

        original.Remove(template);
        var taken = original.Select(m => m.Name).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var route in routes)
        {
            if (!taken.Add(route.Name))
            {
                throw new InvalidOperationException($"The HTTP route '{route.Name}' has the name of another function.");
            }

            original.Add(new DefaultFunctionMetadata
            {
                Name = route.Name,
                EntryPoint = template.EntryPoint,
                ScriptFile = template.ScriptFile,
                Language = template.Language,
                Retry = template.Retry,
                RawBindings = [.. (template.RawBindings ?? []).Select(b => ForRoute(b, route))],
            });
        }
    }

    private static string ForRoute(string rawBinding, HttpRoute route)
    {
        var binding = JsonNode.Parse(rawBinding)!.AsObject();
        if (string.Equals((string?)binding["type"], "httpTrigger", StringComparison.OrdinalIgnoreCase))
        {
            binding["route"] = route.FunctionRoute;
            binding["methods"] = new JsonArray([.. route.Methods.Select(m => JsonValue.Create(m.ToLowerInvariant()))]);
        }

        return binding.ToJsonString();
    }
}
