using System.Collections.Concurrent;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>Records every notification that reached the notifier, in order.</summary>
internal sealed class RecordingCaseNotifier : ICaseNotifier
{
    private readonly ConcurrentQueue<CaseNotification> _sent = new();

    public IReadOnlyList<CaseNotification> Sent => [.. _sent];

    /// <summary>What the email service answers a notification; null (the default) accepts every one.</summary>
    public Func<CaseNotification, CaseNotificationResult?>? Answer { get; set; }

    public Task<CaseNotificationResult> NotifyAsync(CaseNotification notification, CancellationToken cancellationToken)
    {
        _sent.Enqueue(notification);
        return Task.FromResult(Answer?.Invoke(notification) ?? CaseNotificationResult.Delivered);
    }

    public IReadOnlyList<string> Templates(NotificationRecipient recipient) =>
        Sent.Where(n => n.Recipient == recipient).Select(n => n.TemplateId).ToList();

    public CaseNotification Single(string templateId, NotificationRecipient recipient) =>
        Assert.Single(Sent, n => n.TemplateId == templateId && n.Recipient == recipient);
}
