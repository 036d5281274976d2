using System.Collections.Concurrent;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.Cases;

/// <summary>A notifier whose receipts wait until <see cref="Release"/>: a case stays in intake (a mail server retrying) for as long as a test needs.</summary>
internal sealed class HeldReceiptNotifier : ICaseNotifier
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<CaseNotification> _sent = new();

    public IReadOnlyList<CaseNotification> Sent => [.. _sent];

    public void Release() => _released.TrySetResult();

    public async Task<CaseNotificationResult> NotifyAsync(CaseNotification notification, CancellationToken cancellationToken)
    {
        if (notification.TemplateId == NotificationTemplates.Receipt)
        {
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }

        _sent.Enqueue(notification);
        return CaseNotificationResult.Delivered;
    }
}
