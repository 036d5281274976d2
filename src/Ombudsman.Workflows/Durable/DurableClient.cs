using System.Text.Json;
using System.Text.Json.Nodes;
using Ombudsman.Workflows.Durable.Dispatch;
using Ombudsman.Workflows.Durable.History;

namespace Ombudsman.Workflows.Durable;

/// <summary>Starts, signals, terminates and queries orchestration instances.</summary>
public sealed class DurableClient
{
    private readonly DurableEngine _engine;

    internal DurableClient(DurableEngine engine) => _engine = engine;

    /// <summary>
    /// Starts an instance. Idempotent on <paramref name="instanceId"/>: starting an id that exists returns it
    /// and starts nothing (a different orchestration under that id is refused).
    /// </summary>
    public async Task<string> StartAsync(string name, object? input = null, string? instanceId = null, string? version = null, CancellationToken cancellationToken = default)
    {
        version ??= _engine.Registry.LatestVersion(name);
        if (_engine.Registry.FindOrchestration(name, version) is null)
        {
            throw new OrchestrationNotRegisteredException(name, version);
        }

        instanceId ??= DurableEngine.NewId();
        InstanceIds.Validate(instanceId);
        var execution = DurableEngine.NewId();
        var started = new ExecutionStarted(name, version, execution, DurableJson.Serialize(input))
        {
            MessageId = DurableEngine.StartMessageId(instanceId, execution),
        };
        if (!await _engine.CreateInstanceAsync(new OrchestratorMessage(instanceId, execution, started), cancellationToken))
        {
            var existing = await _engine.Storage.Instances.GetAsync(instanceId, cancellationToken);
            if (existing is not null && existing.Name != name)
            {
                throw new InstanceIdConflictException(instanceId, existing.Name, name);
            }
        }

        return instanceId;
    }

    /// <summary>Raises an event; throws <see cref="InstanceNotFoundException"/> for an unknown id.</summary>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload = null, CancellationToken cancellationToken = default)
    {
        _ = await _engine.Storage.Instances.GetAsync(instanceId, cancellationToken) ?? throw new InstanceNotFoundException(instanceId);
        var raised = new EventRaised(eventName, DurableJson.Serialize(payload)) { MessageId = DurableEngine.NewId() };
        await _engine.SendToOrchestratorAsync(new OrchestratorMessage(instanceId, null, raised), cancellationToken);
    }

    /// <summary>Ends an instance with a reason; its timers are removed and nothing of it runs again.</summary>
    public async Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default)
    {
        _ = await _engine.Storage.Instances.GetAsync(instanceId, cancellationToken) ?? throw new InstanceNotFoundException(instanceId);
        var terminated = new ExecutionTerminated(reason) { MessageId = DurableEngine.NewId() };
        await _engine.SendToOrchestratorAsync(new OrchestratorMessage(instanceId, null, terminated), cancellationToken);
    }

    public async Task<InstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await _engine.Storage.Instances.GetAsync(instanceId, cancellationToken))?.ToStatus();

    /// <summary>Lists instances by status, index fields and top-level custom status fields.</summary>
    public async Task<IReadOnlyList<InstanceStatus>> ListInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        var records = await _engine.Storage.Instances.QueryAsync(query, cancellationToken);
        return records
            .Where(r => MatchesCustomStatus(r.CustomStatus, query.CustomStatusFields))
            .Take(query.MaxResults)
            .Select(r => r.ToStatus())
            .ToList();
    }

    /// <summary>Pending deadlines (timers with deadline info) due in the query's range, earliest first.</summary>
    public async Task<IReadOnlyList<PendingDeadline>> ListDeadlinesAsync(DeadlineQuery query, CancellationToken cancellationToken = default)
    {
        var entries = await _engine.Storage.Deadlines.QueryAsync(query.DueFrom, query.DueTo, query.IndexFields, deadlinesOnly: true, query.MaxResults, cancellationToken);
        return entries.Select(e => new PendingDeadline
        {
            InstanceId = e.InstanceId,
            TimerId = e.TimerId,
            DueAt = e.FireAt,
            Deadline = e.Deadline!,
            IndexFields = e.IndexFields,
        }).ToList();
    }

    private static bool MatchesCustomStatus(string? customStatus, IReadOnlyDictionary<string, string> fields)
    {
        if (fields.Count == 0)
        {
            return true;
        }

        if (customStatus is null || JsonNode.Parse(customStatus) is not JsonObject status)
        {
            return false;
        }

        return fields.All(f => status.TryGetPropertyValue(f.Key, out var value) && value is JsonValue v && ValueText(v) == f.Value);
    }

    private static string ValueText(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
