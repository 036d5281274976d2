namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>A work-item queue (orchestrator messages, activity messages, poison).</summary>
internal interface IWorkQueue
{
    string Name { get; }

    Task SendAsync(string body, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken);

    /// <summary>Gives a message back, to be delivered again after <paramref name="visibleAfter"/>.</summary>
    Task AbandonAsync(QueuedMessage message, TimeSpan visibleAfter, CancellationToken cancellationToken);
}
