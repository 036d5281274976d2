using Azure;

namespace Ombudsman.Functions.Idempotency;

/// <summary>A request's hold on its key's record, from <see cref="IdempotencyRecords.StartAsync"/> until it completes or releases it.</summary>
/// <param name="SealKey">The AES key the answer is sealed with, derived from the request's key (never stored).</param>
internal sealed record IdempotencyLease(string Scope, string Fingerprint, byte[] SealKey, DateTimeOffset StartedAt, ETag ETag);
