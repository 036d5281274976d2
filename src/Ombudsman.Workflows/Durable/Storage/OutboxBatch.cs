namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>What one step sends, written in the step's transaction and deleted once dispatched.</summary>
internal sealed record OutboxBatch(string Id, DateTimeOffset CreatedAt, IReadOnlyList<OutboxMessage> Messages);
