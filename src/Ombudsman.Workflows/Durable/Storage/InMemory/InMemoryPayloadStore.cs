using System.Collections.Concurrent;

namespace Ombudsman.Workflows.Durable.Storage.InMemory;

/// <summary>Large payloads in memory.</summary>
internal sealed class InMemoryPayloadStore : IPayloadStore
{
    private readonly ConcurrentDictionary<string, string> _payloads = new(StringComparer.Ordinal);

    public int Count => _payloads.Count;

    public Task PutAsync(string name, string content, CancellationToken cancellationToken)
    {
        _payloads[name] = content;
        return Task.CompletedTask;
    }

    public Task<string> GetAsync(string name, CancellationToken cancellationToken) =>
        _payloads.TryGetValue(name, out var content)
            ? Task.FromResult(content)
            : throw new InvalidOperationException($"Payload '{name}' does not exist.");
}
