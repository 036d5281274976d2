using System.Collections.Concurrent;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.Staff;

/// <summary>Stands in for the email layer: records every case notification, so the workflow never waits on a transport.</summary>
internal sealed class RecordingCaseNotifier : ICaseNotifier
{
    private readonly ConcurrentQueue<CaseNotification> _sent = new();

    public IReadOnlyList<CaseNotification> Sent => [.. _sent];

    public Task<CaseNotificationResult> NotifyAsync(CaseNotification notification, CancellationToken cancellationToken)
    {
        _sent.Enqueue(notification);
        return Task.FromResult(CaseNotificationResult.Delivered);
    }
}
