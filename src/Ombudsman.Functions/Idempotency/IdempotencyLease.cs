using Azure;

namespace Ombudsman.Functions.Idempotency;

/// <summary>A request's hold on its key's record, from <see cref="IdempotencyRecords.StartAsync"/> until it completes or releases it.</summary>
internal sealed record IdempotencyLease(string Scope, string Fingerprint, DateTimeOffset StartedAt, ETag ETag);
