using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Workflows.Tests.Durable;

/// <summary>A queue whose next send fails as if the host died right then (after the step committed).</summary>
internal sealed class DyingQueue(IWorkQueue inner) : IWorkQueue
{
    public bool DieOnNextSend { get; set; }

    public string Name => inner.Name;

    public Task SendAsync(string body, CancellationToken cancellationToken)
    {
        if (DieOnNextSend)
        {
            DieOnNextSend = false;
            throw new IOException("the host died before dispatching the outbox");
        }

        return inner.SendAsync(body, cancellationToken);
    }

    public Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken);

    public Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken) => inner.DeleteAsync(message, cancellationToken);

    public Task<QueuedMessage> RenewAsync(QueuedMessage message, TimeSpan visibility, CancellationToken cancellationToken) =>
        inner.RenewAsync(message, visibility, cancellationToken);

    public Task AbandonAsync(QueuedMessage message, TimeSpan visibleAfter, CancellationToken cancellationToken) =>
        inner.AbandonAsync(message, visibleAfter, cancellationToken);
}
