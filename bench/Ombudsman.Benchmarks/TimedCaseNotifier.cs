using System.Collections.Concurrent;
using System.Diagnostics;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Benchmarks;

/// <summary>Stands in for the email layer: notes when each case's receipt notification was issued (Stopwatch ticks).</summary>
internal sealed class TimedCaseNotifier : ICaseNotifier
{
    private readonly ConcurrentDictionary<string, long> _receipts = new(StringComparer.Ordinal);

    public int ReceiptCount => _receipts.Count;

    public bool TryGetReceipt(string caseId, out long timestamp) => _receipts.TryGetValue(caseId, out timestamp);

    public Task<CaseNotificationResult> NotifyAsync(CaseNotification notification, CancellationToken cancellationToken)
    {
        if (notification.TemplateId == NotificationTemplates.Receipt)
        {
            _receipts.TryAdd(notification.CaseId, Stopwatch.GetTimestamp());
        }

        return Task.FromResult(CaseNotificationResult.Delivered);
    }
}
