using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Ombudsman.Workflows.Durable.Storage.Azure;

/// <summary>
/// The deadlines index: PartitionKey is the due date (yyyyMMdd, UTC) and RowKey "{due ticks}|{instance}|{execution}|{timer}",
/// so "what is due by now" and "what falls due this week" are range scans over a few partitions.
/// </summary>
internal sealed class AzureDeadlineIndex(TableClient table) : IDeadlineIndex
{
    private static readonly DateTimeOffset Unclaimed = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public async Task UpsertAsync(DeadlineEntry entry, CancellationToken cancellationToken)
    {
        var row = new TableEntity(Day(entry.FireAt), Row(entry.InstanceId, entry.ExecutionId, entry.TimerId, entry.FireAt))
        {
            ["InstanceId"] = entry.InstanceId,
            ["ExecutionId"] = entry.ExecutionId,
            ["TimerId"] = entry.TimerId,
            ["FireAt"] = entry.FireAt,
            ["IsDeadline"] = entry.Deadline is not null,
            ["Deadline"] = entry.Deadline is null ? null : JsonSerializer.Serialize(entry.Deadline, DurableJson.Options),
            ["IndexFields"] = JsonSerializer.Serialize(entry.IndexFields, DurableJson.Options),
            ["ClaimedAt"] = entry.ClaimedAt ?? Unclaimed,
        };
        foreach (var (name, value) in entry.IndexFields)
        {
            row[AzureInstanceStore.IndexProperty(name)] = value;
        }

        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(string instanceId, string executionId, int timerId, DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(Day(fireAt), Row(instanceId, executionId, timerId, fireAt), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already removed.
        }
    }

    public async Task<IReadOnlyList<DeadlineEntry>> QueryAsync(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, string> indexFields, bool deadlinesOnly, int max, CancellationToken cancellationToken)
    {
        from = from < Unclaimed ? Unclaimed : from;
        to = to > Latest ? Latest : to;
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Day(from)} and PartitionKey le {Day(to)} and FireAt ge {from} and FireAt lt {to}");
        if (deadlinesOnly)
        {
            filter += " and IsDeadline eq true";
        }

        foreach (var (name, value) in indexFields)
        {
            filter += $" and {AzureInstanceStore.IndexProperty(name)} eq " + TableClient.CreateQueryFilter($"{value}");
        }

        return await ReadAsync(filter, max, cancellationToken);
    }

    public Task<IReadOnlyList<DeadlineEntry>> QueryDueAsync(DateTimeOffset now, DateTimeOffset claimedBefore, int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Day(now)} and FireAt le {now} and ClaimedAt lt {(claimedBefore > Latest ? Latest : claimedBefore)}");
        return ReadAsync(filter, max, cancellationToken);
    }

    public async Task<bool> TryClaimAsync(DeadlineEntry entry, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(Day(entry.FireAt), Row(entry.InstanceId, entry.ExecutionId, entry.TimerId, entry.FireAt)) { ["ClaimedAt"] = claimedAt };
        try
        {
            await table.UpdateEntityAsync(patch, new ETag(entry.ETag!), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<DeadlineEntry>> ReadAsync(string filter, int max, CancellationToken cancellationToken)
    {
        var found = new List<DeadlineEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            var claimed = row.GetDateTimeOffset("ClaimedAt");
            found.Add(new DeadlineEntry
            {
                InstanceId = row.GetString("InstanceId"),
                ExecutionId = row.GetString("ExecutionId"),
                TimerId = row.GetInt32("TimerId")!.Value,
                FireAt = row.GetDateTimeOffset("FireAt")!.Value,
                Deadline = row.GetString("Deadline") is { } d ? JsonSerializer.Deserialize<DeadlineInfo>(d, DurableJson.Options) : null,
                IndexFields = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("IndexFields") ?? "{}", DurableJson.Options)!,
                ClaimedAt = claimed is { } c && c > Unclaimed ? c : null,
                ETag = row.ETag.ToString(),
            });
            if (found.Count >= max)
            {
                break;
            }
        }

        return found;
    }

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Row(string instanceId, string executionId, int timerId, DateTimeOffset fireAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{fireAt.UtcTicks:D19}|{instanceId}|{executionId}|{timerId:D8}");
}
