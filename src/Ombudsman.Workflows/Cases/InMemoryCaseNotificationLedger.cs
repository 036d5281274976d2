using System.Collections.Concurrent;

namespace Ombudsman.Workflows.Cases;

/// <summary>A ledger for one process (tests, local runs); a host with several instances needs a shared store.</summary>
public sealed class InMemoryCaseNotificationLedger : ICaseNotificationLedger
{
    private readonly ConcurrentDictionary<string, bool> _sent = new(StringComparer.Ordinal);

    public Task<bool> WasSentAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(_sent.ContainsKey(idempotencyKey));

    public Task MarkSentAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        _sent.TryAdd(idempotencyKey, true);
        return Task.CompletedTask;
    }
}
