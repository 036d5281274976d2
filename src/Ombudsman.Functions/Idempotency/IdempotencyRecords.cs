using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Ombudsman.Functions.Idempotency;

/// <summary>
/// One row per idempotency key in an Azure table (<see cref="IdempotencyOptions.TableName"/>), keyed by the hash of
/// its scope (route, caller, key): an insert claims the key for the first request, an ETag-guarded replace stores its
/// answer, a delete releases it. Expired rows count as absent and are overwritten by the next request with their key.
/// </summary>
internal sealed class IdempotencyRecords(TableServiceClient tables, IdempotencyOptions options, TimeProvider clock)
{
    private const string RecordRow = "record";

    /// <summary>Binary properties hold at most 64 KiB; a longer body is split over numbered columns (an entity holds 1 MiB).</summary>
    private const int BodyChunk = 60 * 1024;
    private const int MaxBodyChunks = 15;

    private TableClient Table => tables.GetTableClient(options.TableName);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Claims the key for this request, or says why not (its answer, another request's key, still in flight).</summary>
    public async Task<IdempotencyStart> StartAsync(string scope, string fingerprint, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var claim = new TableEntity(scope, RecordRow)
            {
                ["Fingerprint"] = fingerprint,
                ["State"] = "InFlight",
                ["StartedAt"] = now,
                ["LeaseUntil"] = now + options.InFlightLease,
                ["ExpiresAt"] = now + options.Lifetime,
            };
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(scope, RecordRow, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue)
                {
                    var added = await Table.AddEntityAsync(claim, cancellationToken);
                    return new IdempotencyStart.Run(new IdempotencyLease(scope, fingerprint, now, added.Headers.ETag!.Value));
                }

                var record = existing.Value!;
                var expired = record.GetDateTimeOffset("ExpiresAt") <= now;
                var abandoned = record.GetString("State") == "InFlight" && record.GetDateTimeOffset("LeaseUntil") <= now;
                if (expired || abandoned)
                {
                    var replaced = await Table.UpdateEntityAsync(claim, record.ETag, TableUpdateMode.Replace, cancellationToken);
                    return new IdempotencyStart.Run(new IdempotencyLease(scope, fingerprint, now, replaced.Headers.ETag!.Value));
                }

                if (record.GetString("Fingerprint") != fingerprint)
                {
                    return new IdempotencyStart.Reused();
                }

                return record.GetString("State") == "Completed" ? new IdempotencyStart.Replay(ReadAnswer(record)) : new IdempotencyStart.InFlight();
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another request with the key claimed or replaced the row in between: read it again.
            }
        }
    }

    /// <summary>Stores the answer of the request holding <paramref name="lease"/>; false when it no longer held the key or the answer is too large to keep.</summary>
    public async Task<bool> CompleteAsync(IdempotencyLease lease, IdempotentAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(answer);
        var chunks = answer.Body.Chunk(BodyChunk).ToList();
        if (chunks.Count > MaxBodyChunks)
        {
            await ReleaseAsync(lease, cancellationToken);
            return false;
        }

        var record = new TableEntity(lease.Scope, RecordRow)
        {
            ["Fingerprint"] = lease.Fingerprint,
            ["State"] = "Completed",
            ["StartedAt"] = lease.StartedAt,
            ["ExpiresAt"] = lease.StartedAt + options.Lifetime,
            ["Status"] = answer.Status,
            ["Headers"] = JsonSerializer.Serialize(answer.Headers),
            ["BodyParts"] = chunks.Count,
        };
        for (var i = 0; i < chunks.Count; i++)
        {
            record["Body" + i.ToString(CultureInfo.InvariantCulture)] = chunks[i];
        }

        try
        {
            await Table.UpdateEntityAsync(record, lease.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Frees the key (the request failed and changed nothing that a retry would not redo): the next request with it runs.</summary>
    public async Task ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        try
        {
            await Table.DeleteEntityAsync(lease.Scope, RecordRow, lease.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Taken over meanwhile (the lease lapsed): the row is no longer this request's to free.
        }
    }

    private static IdempotentAnswer ReadAnswer(TableEntity record)
    {
        var parts = record.GetInt32("BodyParts") ?? 0;
        var body = Enumerable.Range(0, parts).SelectMany(i => record.GetBinary("Body" + i.ToString(CultureInfo.InvariantCulture)) ?? []).ToArray();
        var headers = JsonSerializer.Deserialize<Dictionary<string, string[]>>(record.GetString("Headers") ?? "{}") ?? [];
        return new IdempotentAnswer(record.GetInt32("Status") ?? StatusCodes.Status200OK, headers, body);
    }
}
