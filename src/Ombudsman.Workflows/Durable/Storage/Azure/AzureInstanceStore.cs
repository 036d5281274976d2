using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ombudsman.Workflows.Durable.History;

namespace Ombudsman.Workflows.Durable.Storage.Azure;

/// <summary>
/// Instances in one table, one partition each (PartitionKey = instance id): a "state" row, one history row per step
/// ("h|{execution}|{step}"), one outbox row per step ("o|{id}") and a row per live timer ("t|{id}"). A step is one
/// entity-group transaction whose state-row update carries the ETag it was computed from.
/// </summary>
internal sealed class AzureInstanceStore(TableClient table, IPayloadStore payloads) : IInstanceStore
{
    private const string StateRow = "state";
    private const int MaxTransactionOperations = 100;
    private readonly LargeText _text = new(payloads);

    public async Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        TableEntity? state = null;
        var chunks = new List<TableEntity>();
        var outbox = new List<TableEntity>();
        var timers = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            switch (row.RowKey)
            {
                case StateRow:
                    state = row;
                    break;
                case var k when k.StartsWith("h|", StringComparison.Ordinal):
                    chunks.Add(row);
                    break;
                case var k when k.StartsWith("o|", StringComparison.Ordinal):
                    outbox.Add(row);
                    break;
                case var k when k.StartsWith("t|", StringComparison.Ordinal):
                    timers.Add(row);
                    break;
                default:
                    break;
            }
        }

        if (state is null)
        {
            return null;
        }

        var record = await ReadRecordAsync(state, cancellationToken);
        var history = new List<HistoryEvent>();
        foreach (var chunk in chunks.Where(c => c.RowKey.StartsWith($"h|{record.ExecutionId}|", StringComparison.Ordinal)).OrderBy(c => c.RowKey, StringComparer.Ordinal))
        {
            history.AddRange(Deserialize<List<HistoryEvent>>(await _text.GetAsync(chunk, "Events", cancellationToken)));
        }

        var batches = new List<OutboxBatch>();
        foreach (var row in outbox)
        {
            batches.Add(await ReadOutboxAsync(row, cancellationToken));
        }

        return new InstanceSnapshot(record, state.ETag.ToString(), history, batches, timers.Select(ReadTimer).ToList());
    }

    public async Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(instanceId, StateRow, cancellationToken: cancellationToken);
        return row.HasValue ? await ReadRecordAsync(row.Value!, cancellationToken) : null;
    }

    public async Task CommitAsync(StepCommit commit, CancellationToken cancellationToken)
    {
        var record = commit.Record;
        var id = record.InstanceId;
        var actions = new List<TableTransactionAction>();
        var state = await WriteRecordAsync(record, cancellationToken);
        actions.Add(commit.ExpectedETag is null
            ? new TableTransactionAction(TableTransactionActionType.Add, state)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, new ETag(commit.ExpectedETag)));

        if (commit.AppendHistory.Count > 0)
        {
            var chunk = new TableEntity(id, $"h|{record.ExecutionId}|{record.HistoryChunks - 1:D8}");
            await _text.SetAsync(chunk, "Events", Serialize(commit.AppendHistory), BlobPrefix(id), cancellationToken);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, chunk));
        }

        if (commit.Outbox is { } batch)
        {
            var row = new TableEntity(id, $"o|{batch.Id}") { ["CreatedAt"] = batch.CreatedAt };
            await _text.SetAsync(row, "Messages", Serialize(batch.Messages), BlobPrefix(id), cancellationToken);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }

        foreach (var timer in commit.RemoveTimers)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(id, TimerRow(timer)), ETag.All));
        }

        foreach (var timer in commit.AddTimers)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(id, TimerRow(timer.TimerId))
            {
                ["ExecutionId"] = timer.ExecutionId,
                ["FireAt"] = timer.FireAt,
                ["Deadline"] = timer.Deadline is null ? null : Serialize(timer.Deadline),
            }));
        }

        if (actions.Count > MaxTransactionOperations)
        {
            throw new InvalidOperationException(
                $"A step of instance '{id}' needs {actions.Count} table operations; one transaction allows {MaxTransactionOperations}. Schedule fewer timers in one step.");
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException(id);
        }

        if (commit.NewExecution)
        {
            await DeleteOtherExecutionsAsync(id, record.ExecutionId, cancellationToken);
        }
    }

    public async Task DeleteOutboxAsync(string instanceId, string outboxId, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(instanceId, $"o|{outboxId}", ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Another dispatcher or the sweeper deleted it first.
        }
    }

    public async Task<IReadOnlyList<(string InstanceId, OutboxBatch Batch)>> FindOutboxAsync(DateTimeOffset createdBefore, int max, CancellationToken cancellationToken)
    {
        var found = new List<(string, OutboxBatch)>();
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"o|"} and RowKey lt {"o}"} and CreatedAt lt {createdBefore}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            found.Add((row.PartitionKey, await ReadOutboxAsync(row, cancellationToken)));
            if (found.Count >= max)
            {
                break;
            }
        }

        return found;
    }

    public async Task RecordPoisonAsync(string instanceId, PoisonRecord poison, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(instanceId, StateRow, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return; // The message named an instance that does not exist; the poison queue still has it.
            }

            // Read-modify-write under the ETag, so a step committed meanwhile is neither undone nor mixed with a stale value.
            var state = row.Value!;
            state.Remove("Poison");
            state.Remove("PoisonRef");
            await _text.SetAsync(state, "Poison", Serialize(poison), BlobPrefix(instanceId), cancellationToken);
            try
            {
                await table.UpdateEntityAsync(state, state.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
                // A step committed in between: read again.
            }
        }
    }

    public async Task<IReadOnlyList<InstanceRecord>> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {StateRow}");
        if (query.Status is { } status)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }

        foreach (var (name, value) in query.IndexFields)
        {
            filter += $" and {IndexProperty(name)} eq " + TableClient.CreateQueryFilter($"{value}");
        }

        var found = new List<InstanceRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(await ReadRecordAsync(row, cancellationToken));
            if (found.Count >= query.MaxResults && query.CustomStatusFields.Count == 0)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>The table property an index field is promoted to, so instances and deadlines can be filtered by it.</summary>
    internal static string IndexProperty(string name) =>
        IndexFieldName.IsValid(name) ? "ix_" + name : throw new ArgumentException($"Index field name '{name}' is not valid.", nameof(name));

    private async Task DeleteOtherExecutionsAsync(string id, string executionId, CancellationToken cancellationToken)
    {
        var stale = new List<TableTransactionAction>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {"h|"} and RowKey lt {"h}"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (!row.RowKey.StartsWith($"h|{executionId}|", StringComparison.Ordinal))
            {
                stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(id, row.RowKey), ETag.All));
            }
        }

        // Rows of earlier executions are never read again (load filters by execution); a crash here leaves only garbage.
        foreach (var batch in stale.Chunk(MaxTransactionOperations))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    private async Task<TableEntity> WriteRecordAsync(InstanceRecord r, CancellationToken cancellationToken)
    {
        var e = new TableEntity(r.InstanceId, StateRow)
        {
            ["Name"] = r.Name,
            ["Version"] = r.Version,
            ["ExecutionId"] = r.ExecutionId,
            ["Status"] = r.Status.ToString(),
            ["CreatedAt"] = r.CreatedAt,
            ["LastUpdatedAt"] = r.LastUpdatedAt,
            ["IndexFields"] = Serialize(r.IndexFields),
            ["ParentInstanceId"] = r.ParentInstanceId,
            ["ParentTaskId"] = r.ParentTaskId,
            ["HistoryChunks"] = r.HistoryChunks,
            ["Steps"] = r.Steps,
            ["CarriedMessageIds"] = r.CarriedMessageIds.Count == 0 ? null : Serialize(r.CarriedMessageIds),
        };
        foreach (var (name, value) in r.IndexFields)
        {
            e[IndexProperty(name)] = value;
        }

        await _text.SetAsync(e, "Input", r.Input, BlobPrefix(r.InstanceId), cancellationToken);
        await _text.SetAsync(e, "Output", r.Output, BlobPrefix(r.InstanceId), cancellationToken);
        await _text.SetAsync(e, "CustomStatus", r.CustomStatus, BlobPrefix(r.InstanceId), cancellationToken);
        await _text.SetAsync(e, "Failure", r.Failure is null ? null : Serialize(r.Failure), BlobPrefix(r.InstanceId), cancellationToken);
        await _text.SetAsync(e, "Poison", r.Poison is null ? null : Serialize(r.Poison), BlobPrefix(r.InstanceId), cancellationToken);
        return e;
    }

    private async Task<InstanceRecord> ReadRecordAsync(TableEntity e, CancellationToken cancellationToken) => new()
    {
        InstanceId = e.PartitionKey,
        Name = e.GetString("Name"),
        Version = e.GetString("Version"),
        ExecutionId = e.GetString("ExecutionId"),
        Status = Enum.Parse<OrchestrationStatus>(e.GetString("Status")),
        CreatedAt = e.GetDateTimeOffset("CreatedAt")!.Value,
        LastUpdatedAt = e.GetDateTimeOffset("LastUpdatedAt")!.Value,
        Input = await _text.GetAsync(e, "Input", cancellationToken),
        Output = await _text.GetAsync(e, "Output", cancellationToken),
        CustomStatus = await _text.GetAsync(e, "CustomStatus", cancellationToken),
        Failure = await _text.GetAsync(e, "Failure", cancellationToken) is { } failure ? Deserialize<FailureDetails>(failure) : null,
        IndexFields = Deserialize<Dictionary<string, string>>(e.GetString("IndexFields") ?? "{}"),
        ParentInstanceId = e.GetString("ParentInstanceId"),
        ParentTaskId = e.GetInt32("ParentTaskId"),
        Poison = await _text.GetAsync(e, "Poison", cancellationToken) is { } poison ? Deserialize<PoisonRecord>(poison) : null,
        HistoryChunks = e.GetInt32("HistoryChunks") ?? 0,
        Steps = e.GetInt64("Steps") ?? 0,
        CarriedMessageIds = e.GetString("CarriedMessageIds") is { } carried ? Deserialize<List<string>>(carried) : [],
    };

    private async Task<OutboxBatch> ReadOutboxAsync(TableEntity row, CancellationToken cancellationToken) => new(
        row.RowKey[2..],
        row.GetDateTimeOffset("CreatedAt")!.Value,
        Deserialize<List<OutboxMessage>>(await _text.GetAsync(row, "Messages", cancellationToken)));

    private static TimerEntry ReadTimer(TableEntity row) => new(
        int.Parse(row.RowKey[2..], CultureInfo.InvariantCulture),
        row.GetString("ExecutionId"),
        row.GetDateTimeOffset("FireAt")!.Value,
        row.GetString("Deadline") is { } deadline ? Deserialize<DeadlineInfo>(deadline) : null);

    private static string TimerRow(int timerId) => $"t|{timerId:D8}";

    private static string BlobPrefix(string instanceId) => $"instances/{Uri.EscapeDataString(instanceId)}";

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, DurableJson.Options);

    private static T Deserialize<T>(string? json) =>
        JsonSerializer.Deserialize<T>(json ?? throw new InvalidDataException("A stored row is missing its JSON."), DurableJson.Options)
        ?? throw new InvalidDataException("A stored row holds null JSON.");
}
