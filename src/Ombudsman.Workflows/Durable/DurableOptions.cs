namespace Ombudsman.Workflows.Durable;

/// <summary>Runtime settings (section "Durable").</summary>
public sealed class DurableOptions
{
    /// <summary>How many messages one host processes at once.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Deliveries before a failing message goes to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a received message stays invisible to other hosts while it is processed.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Delay before a failed message is delivered again; doubles with each delivery up to the visibility timeout.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the standalone host sweeps due deadlines and leftover outbox rows.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A due timer whose TimerFired was enqueued this long ago and is still indexed is enqueued again.</summary>
    public TimeSpan TimerRedeliveryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the standalone host scans for outbox rows a crashed host left (a scan of the instances table).</summary>
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Entries read per page by a sweep.</summary>
    public int SweepPageSize { get; set; } = 500;

    /// <summary>Pages one deadline sweep reads at most before the next sweep carries on.</summary>
    public int MaxSweepPages { get; set; } = 200;

    /// <summary>Outbox rows older than this are taken to be left by a crashed host and are dispatched by the sweeper.</summary>
    public TimeSpan OutboxSweepAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bounded retries of a step that lost an ETag race before the message is retried later.</summary>
    public int MaxConflictRetries { get; set; } = 20;

    /// <summary>Idle delay between polls of an empty queue (standalone pumps).</summary>
    public TimeSpan MaxPollDelay { get; set; } = TimeSpan.FromSeconds(1);
}
