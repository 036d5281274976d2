using System.Collections.Concurrent;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>Stands in for the email layer in API tests: records every case notification and reports it delivered.</summary>
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
