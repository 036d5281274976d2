using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Ombudsman.Workflows.Durable;

/// <summary>
/// Orchestrations by name and version, and activities by name. An instance runs on the version it started with,
/// so old versions stay registered while any instance uses them; new instances take the highest version.
/// </summary>
public sealed class DurableRegistry
{
    private readonly Dictionary<string, SortedDictionary<string, OrchestratorFunction>> _orchestrations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityFunction> _activities = new(StringComparer.Ordinal);

    public DurableRegistry AddOrchestration(string name, string version, OrchestratorFunction function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (!_orchestrations.TryGetValue(name, out var versions))
        {
            _orchestrations[name] = versions = new SortedDictionary<string, OrchestratorFunction>(VersionComparer.Instance);
        }

        if (!versions.TryAdd(version, function))
        {
            throw new InvalidOperationException($"Orchestration '{name}' v{version} is registered twice.");
        }

        return this;
    }

    public DurableRegistry AddOrchestration<TInput, TOutput>(string name, string version, Func<OrchestrationContext, TInput?, Task<TOutput?>> orchestrator) =>
        AddOrchestration(name, version, async (context, input) =>
            DurableJson.Serialize(await orchestrator(context, DurableJson.Deserialize<TInput>(input))));

    public DurableRegistry AddActivity(string name, ActivityFunction function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_activities.TryAdd(name, function))
        {
            throw new InvalidOperationException($"Activity '{name}' is registered twice.");
        }

        return this;
    }

    public DurableRegistry AddActivity<TInput, TOutput>(string name, Func<TInput?, CancellationToken, Task<TOutput>> activity) =>
        AddActivity(name, async (_, input, ct) => DurableJson.Serialize(await activity(DurableJson.Deserialize<TInput>(input), ct)));

    /// <summary>Registers an activity class; an instance is resolved from the execution's DI scope.</summary>
    public DurableRegistry AddActivity<TActivity, TInput, TOutput>(string name)
        where TActivity : IActivity<TInput, TOutput> =>
        AddActivity(name, async (services, input, ct) =>
        {
            var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(services);
            return DurableJson.Serialize(await activity.RunAsync(DurableJson.Deserialize<TInput>(input)!, ct));
        });

    internal string LatestVersion(string name) =>
        _orchestrations.TryGetValue(name, out var versions) && versions.Count > 0
            ? versions.Keys.Last()
            : throw new OrchestrationNotRegisteredException(name, "(any)");

    internal OrchestratorFunction? FindOrchestration(string name, string version) =>
        _orchestrations.TryGetValue(name, out var versions) && versions.TryGetValue(version, out var function) ? function : null;

    internal ActivityFunction? FindActivity(string name) => _activities.GetValueOrDefault(name);

    /// <summary>Orders "2" before "10" when both are numbers or dotted versions; otherwise ordinal.</summary>
    private sealed class VersionComparer : IComparer<string>
    {
        public static VersionComparer Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            if (System.Version.TryParse(Normalize(x), out var a) && System.Version.TryParse(Normalize(y), out var b))
            {
                return a.CompareTo(b);
            }

            return string.CompareOrdinal(x, y);
        }

        private static string? Normalize(string? v) =>
            v is not null && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? v + ".0" : v;
    }
}
