using Ombudsman.Workflows.Durable.History;

namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>An instance as loaded at one ETag: state, current execution's history, leftover outbox, live timers.</summary>
internal sealed record InstanceSnapshot(
    InstanceRecord Record,
    string ETag,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<OutboxBatch> Outbox,
    IReadOnlyList<TimerEntry> Timers);
