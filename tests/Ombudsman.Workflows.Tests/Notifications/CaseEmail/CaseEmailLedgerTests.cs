using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Testing;
using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Tests.Cases;

namespace Ombudsman.Workflows.Tests.Notifications.CaseEmail;

/// <summary>With email configured the send records, not an in-process ledger, make a notification go out once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseEmailLedgerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_redelivered_notification_activity_mails_once_because_the_send_record_answers_for_its_key()
    {
        await using var host = await CaseEmailHost.CreateAsync(azurite);
        var caseId = await host.FileAsync(new ComplaintBuilder().Build());
        var activity = ActivatorUtilities.CreateInstance<SendNotificationActivity>(host.Host.Services);
        var receipt = new CaseNotification
        {
            TemplateId = NotificationTemplates.Receipt,
            Recipient = NotificationRecipient.Complainant,
            CaseId = caseId,
            Office = "JKT",
            Language = "id",
            IdempotencyKey = caseId + ":receipt:receipt:Complainant",
            Data = new Dictionary<string, string> { ["citation"] = "UU 25/2009 art. 44" },
        };

        var again = await activity.RunAsync(TestActivityContext.ForCase(), receipt);

        Assert.IsType<SendRecordCaseNotificationLedger>(host.Host.Services.GetRequiredService<ICaseNotificationLedger>());
        Assert.Equal(CaseNotificationResult.AlreadyDelivered, again);
        Assert.Single(host.Mail(TemplateIds.ComplainantReceipt));
    }
}
