namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>A work-item queue (orchestrator messages, activity messages, poison).</summary>
internal interface IWorkQueue
{
    string Name { get; }

    Task SendAsync(string body, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken);

    /// <summary>Keeps a message invisible for another <paramref name="visibility"/>; the returned message carries the new receipt.</summary>
    Task<QueuedMessage> RenewAsync(QueuedMessage message, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Gives a message back, to be delivered again after <paramref name="visibleAfter"/>.</summary>
    Task AbandonAsync(QueuedMessage message, TimeSpan visibleAfter, CancellationToken cancellationToken);
}
