using Azure;
using Azure.Data.Tables;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Send records in an Azure Storage table: PartitionKey = case id, RowKey = idempotency key (both escaped), so the
/// insert-if-absent is one conditional AddEntity (409 = already recorded) and "this case's failed emails" is one
/// partition query.
/// </summary>
internal sealed class TableSendRecordStore(TableClient table) : ISendRecordStore
{
    /// <summary>Partition for records that belong to no case (office digests).</summary>
    // "%" never starts an escaped case id without two hex digits, so this cannot collide with a real case.
    private const string NoCasePartition = "%no-case";

    private readonly Lazy<Task> _created = new(() => table.CreateIfNotExistsAsync());

    /// <summary>The table the records live in (its account and name).</summary>
    public TableClient Table => table;

    public async Task<SendRecord?> GetAsync(string? caseId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await _created.Value;
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(caseId), RowKey(idempotencyKey), cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<SendRecord?> TryAddAsync(SendRecord record, CancellationToken cancellationToken)
    {
        await _created.Value;
        try
        {
            var response = await table.AddEntityAsync(ToEntity(record), cancellationToken);
            return record with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    public async Task<SendRecord?> TryReplaceAsync(SendRecord record, CancellationToken cancellationToken)
    {
        await _created.Value;
        try
        {
            var etag = record.Version is null ? ETag.All : new ETag(record.Version);
            var response = await table.UpdateEntityAsync(ToEntity(record), etag, TableUpdateMode.Replace, cancellationToken);
            return record with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<SendRecord>> ListNotDeliveredAsync(string caseId, CancellationToken cancellationToken)
    {
        await _created.Value;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(caseId)} and Status ne {nameof(SendStatus.Sent)}");
        var records = new List<SendRecord>();
        // The pageable follows continuation tokens, including empty pages that still carry one.
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(FromEntity(entity));
        }

        return [.. records.OrderBy(r => r.AttemptedAt)];
    }

    /// <summary>Escapes a value for use as a key: table keys may not hold / \ # ? or control characters, and stay under 1 KiB.</summary>
    internal static string Escape(string value)
    {
        var escaped = Uri.EscapeDataString(value);
        return escaped.Length <= 512 ? escaped : throw new ArgumentException($"key too long for a table key ({escaped.Length} characters escaped)", nameof(value));
    }

    private static string PartitionKey(string? caseId) => caseId is null ? NoCasePartition : Escape(caseId);

    private static string RowKey(string idempotencyKey) => Escape(idempotencyKey);

    private static TableEntity ToEntity(SendRecord record) => new(PartitionKey(record.CaseId), RowKey(record.IdempotencyKey))
    {
        ["CaseId"] = record.CaseId,
        ["IdempotencyKey"] = record.IdempotencyKey,
        ["TemplateId"] = record.TemplateId,
        ["Role"] = record.Role.ToString(),
        ["Status"] = record.Status.ToString(),
        ["AttemptedAt"] = record.AttemptedAt,
        ["Attempts"] = record.Attempts,
        ["CompletedAt"] = record.CompletedAt,
        ["ProviderMessageId"] = record.ProviderMessageId,
        // A string property is limited to 64 KiB; reasons are short, but an error body is not ours to trust.
        ["Reason"] = record.Reason is { Length: > 4000 } r ? r[..4000] : record.Reason,
        ["StatusCode"] = record.StatusCode,
    };

    private static SendRecord FromEntity(TableEntity entity) => new()
    {
        CaseId = entity.GetString("CaseId"),
        IdempotencyKey = entity.GetString("IdempotencyKey"),
        TemplateId = entity.GetString("TemplateId"),
        Role = Enum.Parse<RecipientRole>(entity.GetString("Role")),
        Status = Enum.Parse<SendStatus>(entity.GetString("Status")),
        AttemptedAt = entity.GetDateTimeOffset("AttemptedAt") ?? throw new InvalidOperationException("send record without AttemptedAt"),
        Attempts = entity.GetInt32("Attempts") ?? 1,
        CompletedAt = entity.GetDateTimeOffset("CompletedAt"),
        ProviderMessageId = entity.GetString("ProviderMessageId"),
        Reason = entity.GetString("Reason"),
        StatusCode = entity.GetInt32("StatusCode"),
        Version = entity.ETag.ToString(),
    };
}
