using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>Requirement 6: a redelivered notification activity does not notify twice; a failed one is retried.</summary>
public sealed class SendNotificationActivityTests
{
    private static readonly CaseNotification Receipt = new()
    {
        TemplateId = NotificationTemplates.Receipt,
        Recipient = NotificationRecipient.Complainant,
        CaseId = "case-1",
        Office = "JKT",
        Language = "id",
        IdempotencyKey = "case-1:receipt:receipt:Complainant",
        Data = new Dictionary<string, string> { ["citation"] = "UU 25/2009 art. 44" },
    };

    [Fact]
    public async Task The_same_notification_delivered_twice_notifies_once()
    {
        var notifier = new RecordingCaseNotifier();
        var activity = new SendNotificationActivity(notifier, new InMemoryCaseNotificationLedger());

        Assert.Equal(CaseNotificationResult.Delivered, await activity.RunAsync(TestActivityContext.ForCase(), Receipt));
        Assert.Equal(CaseNotificationResult.AlreadyDelivered, await activity.RunAsync(TestActivityContext.ForCase(), Receipt));

        Assert.Single(notifier.Sent);
    }

    [Fact]
    public async Task A_notification_whose_delivery_failed_is_delivered_on_the_retry()
    {
        var notifier = new FailingOnceNotifier();
        var activity = new SendNotificationActivity(notifier, new InMemoryCaseNotificationLedger());

        await Assert.ThrowsAsync<HttpRequestException>(() => activity.RunAsync(TestActivityContext.ForCase(), Receipt));
        Assert.Equal(CaseNotificationResult.Delivered, await activity.RunAsync(TestActivityContext.ForCase(), Receipt));

        Assert.Equal(1, notifier.Delivered);
    }

    private sealed class FailingOnceNotifier : ICaseNotifier
    {
        private int _calls;

        public int Delivered { get; private set; }

        public Task<CaseNotificationResult> NotifyAsync(CaseNotification notification, CancellationToken cancellationToken)
        {
            if (_calls++ == 0)
            {
                throw new HttpRequestException("mail server unavailable");
            }

            Delivered++;
            return Task.FromResult(CaseNotificationResult.Delivered);
        }
    }
}
