namespace Ombudsman.Workflows.Durable;

/// <summary>How an activity call is retried: attempts in all, and an exponential backoff between them.</summary>
public sealed record RetryPolicy
{
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    public int MaxAttempts { get; init; } = 3;

    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(5);

    public double BackoffFactor { get; init; } = 2;

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The delay before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var factor = Math.Pow(BackoffFactor, Math.Max(0, nextAttempt - 2));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks));
        return delay;
    }
}
