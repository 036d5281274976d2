namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>A received queue message; <see cref="Receipt"/> deletes it.</summary>
internal sealed record QueuedMessage(string Id, string Body, long DequeueCount, string Receipt);
