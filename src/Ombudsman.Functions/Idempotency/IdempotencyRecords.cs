using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Ombudsman.Functions.Idempotency;

/// <summary>
/// One row per idempotency key in an Azure table (<see cref="IdempotencyOptions.TableName"/>), keyed by the hash of
/// its scope (route, caller, key): an insert claims the key for the first request, an ETag-guarded replace stores its
/// answer, a delete releases it. Expired rows count as absent and are overwritten by the next request with their key.
/// The answer's headers and body are sealed (AES-GCM) with a key derived from the request's own key, which is never
/// stored: a filing's answer holds its tracking token, and a copy of the table must open no case.
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
    public async Task<IdempotencyStart> StartAsync(string scope, string fingerprint, byte[] sealKey, CancellationToken cancellationToken)
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
                    return new IdempotencyStart.Run(new IdempotencyLease(scope, fingerprint, sealKey, now, added.Headers.ETag!.Value));
                }

                var record = existing.Value!;
                var expired = record.GetDateTimeOffset("ExpiresAt") <= now;
                var abandoned = record.GetString("State") == "InFlight" && record.GetDateTimeOffset("LeaseUntil") <= now;
                if (expired || abandoned)
                {
                    var replaced = await Table.UpdateEntityAsync(claim, record.ETag, TableUpdateMode.Replace, cancellationToken);
                    return new IdempotencyStart.Run(new IdempotencyLease(scope, fingerprint, sealKey, now, replaced.Headers.ETag!.Value));
                }

                if (record.GetString("Fingerprint") != fingerprint)
                {
                    return new IdempotencyStart.Reused();
                }

                return record.GetString("State") == "Completed" ? new IdempotencyStart.Replay(ReadAnswer(record, sealKey)) : new IdempotencyStart.InFlight();
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
        var sealedAnswer = Seal(lease.SealKey, JsonSerializer.SerializeToUtf8Bytes(new SealedAnswer(answer.Headers, answer.Body)));
        var chunks = sealedAnswer.Chunk(BodyChunk).ToList();
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
            ["AnswerParts"] = chunks.Count,
        };
        for (var i = 0; i < chunks.Count; i++)
        {
            record["Answer" + i.ToString(CultureInfo.InvariantCulture)] = chunks[i];
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

    private static IdempotentAnswer ReadAnswer(TableEntity record, byte[] sealKey)
    {
        var parts = record.GetInt32("AnswerParts") ?? 0;
        var sealedAnswer = Enumerable.Range(0, parts).SelectMany(i => record.GetBinary("Answer" + i.ToString(CultureInfo.InvariantCulture)) ?? []).ToArray();
        var answer = JsonSerializer.Deserialize<SealedAnswer>(Open(sealKey, sealedAnswer))!;
        return new IdempotentAnswer(record.GetInt32("Status") ?? StatusCodes.Status200OK, answer.Headers, answer.Body);
    }

    /// <summary>Nonce, ciphertext and tag.</summary>
    private static byte[] Seal(byte[] key, byte[] plain)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        return [.. nonce, .. cipher, .. tag];
    }

    private static byte[] Open(byte[] key, byte[] sealedBytes)
    {
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[sealedBytes.Length - nonceSize - tagSize];
        using var aes = new AesGcm(key, tagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, nonceSize), sealedBytes.AsSpan(nonceSize, plain.Length), sealedBytes.AsSpan(nonceSize + plain.Length), plain);
        return plain;
    }

    private sealed record SealedAnswer(IReadOnlyDictionary<string, string[]> Headers, byte[] Body);
}
