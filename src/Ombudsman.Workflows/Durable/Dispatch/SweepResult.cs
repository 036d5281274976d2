namespace Ombudsman.Workflows.Durable.Dispatch;

/// <summary>What one sweep did: due timers enqueued and leftover outbox batches dispatched.</summary>
public sealed record SweepResult(int TimersFired, int OutboxBatchesDispatched);
