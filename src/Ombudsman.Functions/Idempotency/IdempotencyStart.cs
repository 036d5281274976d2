namespace Ombudsman.Functions.Idempotency;

/// <summary>What a key's record says when a request arrives with it.</summary>
internal abstract record IdempotencyStart
{
    private IdempotencyStart()
    {
    }

    /// <summary>This request is the key's first (or the earlier one failed, expired or was abandoned): run it.</summary>
    public sealed record Run(IdempotencyLease Lease) : IdempotencyStart;

    /// <summary>The key already answered this request: send that answer again.</summary>
    public sealed record Replay(IdempotentAnswer Answer) : IdempotencyStart;

    /// <summary>The key belongs to another request (another body, path or query).</summary>
    public sealed record Reused : IdempotencyStart;

    /// <summary>The key's first request is still running.</summary>
    public sealed record InFlight : IdempotencyStart;
}
