using System.Collections.Concurrent;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>The in-memory ledger, counting how often each key was asked about: once per key means the orchestrator scheduled each step's notification once.</summary>
internal sealed class CountingNotificationLedger : ICaseNotificationLedger
{
    private readonly InMemoryCaseNotificationLedger _inner = new();
    private readonly ConcurrentDictionary<string, int> _asked = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Asked => _asked;

    public Task<bool> WasSentAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        _asked.AddOrUpdate(idempotencyKey, 1, (_, n) => n + 1);
        return _inner.WasSentAsync(idempotencyKey, cancellationToken);
    }

    public Task MarkSentAsync(string idempotencyKey, CancellationToken cancellationToken) => _inner.MarkSentAsync(idempotencyKey, cancellationToken);
}
