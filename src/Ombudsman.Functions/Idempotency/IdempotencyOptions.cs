namespace Ombudsman.Functions.Idempotency;

/// <summary>
/// Idempotency keys: where their records are kept (setting StorageNames:IdempotencyKeysTable, default
/// "OmbudsmanIdempotencyKeys") and how long they hold (section "Idempotency").
/// </summary>
internal sealed record IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    public string TableName { get; init; } = "OmbudsmanIdempotencyKeys";

    /// <summary>How long after the first request a retry with its key gets the first answer; after that the key is free again.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a first request counts as in flight. Longer than any request runs (Azure's front end gives up on an
    /// HTTP request after 230 s), so a retry never runs beside it; after that a key whose host died mid-request is
    /// taken over by the next retry.
    /// </summary>
    public TimeSpan InFlightLease { get; init; } = TimeSpan.FromMinutes(5);
}
