using Azure;
using Azure.Storage.Queues;

namespace Ombudsman.Workflows.Durable.Storage.Azure;

/// <summary>A storage queue; messages are Base64-encoded, as the Functions host's queue trigger expects.</summary>
internal sealed class AzureWorkQueue(QueueClient queue) : IWorkQueue
{
    public string Name => queue.Name;

    public async Task SendAsync(string body, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(body, visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);

    public async Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var visibility = visibilityTimeout < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : visibilityTimeout;
        var received = await queue.ReceiveMessagesAsync(Math.Clamp(maxMessages, 1, 32), visibility, cancellationToken);
        return received.Value.Select(m => new QueuedMessage(m.MessageId, m.MessageText, m.DequeueCount, m.PopReceipt)).ToList();
    }

    public async Task<QueuedMessage> RenewAsync(QueuedMessage message, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var updated = await queue.UpdateMessageAsync(message.Id, message.Receipt, visibilityTimeout: visibility, cancellationToken: cancellationToken);
        return message with { Receipt = updated.Value.PopReceipt };
    }

    public async Task AbandonAsync(QueuedMessage message, TimeSpan visibleAfter, CancellationToken cancellationToken)
    {
        try
        {
            await queue.UpdateMessageAsync(message.Id, message.Receipt, visibilityTimeout: visibleAfter, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Its visibility lapsed and another host holds it now.
        }
    }

    public async Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(message.Id, message.Receipt, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already deleted, or its visibility lapsed and another host holds it now; that host will finish it.
        }
    }
}
