using System.Collections.Concurrent;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.Cases;

/// <summary>Records every notification the case workflows send (no email layer in these tests).</summary>
internal sealed class RecordingNotifier : ICaseNotifier
{
    private readonly ConcurrentQueue<CaseNotification> _sent = new();

    public IReadOnlyList<CaseNotification> Sent => [.. _sent];

    public Task NotifyAsync(CaseNotification notification, CancellationToken cancellationToken)
    {
        _sent.Enqueue(notification);
        return Task.CompletedTask;
    }
}
