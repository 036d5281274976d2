using System.Globalization;

namespace Ombudsman.Workflows.Durable.Storage.InMemory;

/// <summary>A queue in memory with visibility timeouts on the injected clock.</summary>
internal sealed class InMemoryWorkQueue(string name, TimeProvider clock) : IWorkQueue
{
    private readonly Lock _gate = new();
    private readonly List<Item> _items = [];
    private long _nextId;

    public string Name { get; } = name;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public Task SendAsync(string body, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _items.Add(new Item((++_nextId).ToString(CultureInfo.InvariantCulture), body) { VisibleAt = DateTimeOffset.MinValue });
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var received = new List<QueuedMessage>();
            foreach (var item in _items.Where(i => i.VisibleAt <= now).Take(maxMessages))
            {
                item.VisibleAt = now + visibilityTimeout;
                item.DequeueCount++;
                item.Receipt = Guid.NewGuid().ToString("N");
                received.Add(new QueuedMessage(item.Id, item.Body, item.DequeueCount, item.Receipt));
            }

            return Task.FromResult<IReadOnlyList<QueuedMessage>>(received);
        }
    }

    public Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _items.RemoveAll(i => i.Id == message.Id && i.Receipt == message.Receipt);
        }

        return Task.CompletedTask;
    }

    public Task<QueuedMessage> RenewAsync(QueuedMessage message, TimeSpan visibility, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var item = _items.FirstOrDefault(i => i.Id == message.Id && i.Receipt == message.Receipt)
                ?? throw new InvalidOperationException($"Message {message.Id} is no longer held with this receipt.");
            item.VisibleAt = clock.GetUtcNow() + visibility;
            return Task.FromResult(message);
        }
    }

    public Task AbandonAsync(QueuedMessage message, TimeSpan visibleAfter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var item in _items.Where(i => i.Id == message.Id && i.Receipt == message.Receipt))
            {
                item.VisibleAt = clock.GetUtcNow() + visibleAfter;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Makes every message visible now, as if their visibility timeouts had passed (crash tests).</summary>
    public void ReleaseAll()
    {
        lock (_gate)
        {
            foreach (var item in _items)
            {
                item.VisibleAt = DateTimeOffset.MinValue;
            }
        }
    }

    private sealed class Item(string id, string body)
    {
        public string Id { get; } = id;

        public string Body { get; } = body;

        public DateTimeOffset VisibleAt { get; set; }

        public long DequeueCount { get; set; }

        public string? Receipt { get; set; }
    }
}
