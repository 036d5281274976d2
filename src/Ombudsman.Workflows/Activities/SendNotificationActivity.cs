using Microsoft.DurableTask;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Activities;

/// <summary>
/// Hands one notification to <see cref="ICaseNotifier"/> unless its idempotency key was delivered already: an
/// activity runs at least once, and a redelivered message must not mail a complainant twice.
/// </summary>
internal sealed class SendNotificationActivity(ICaseNotifier notifier, ICaseNotificationLedger ledger) : TaskActivity<CaseNotification, CaseNotificationResult>
{
    /// <returns>What the notifier did; <see cref="CaseNotificationResult.AlreadyDelivered"/> when the ledger had the key.</returns>
    public override async Task<CaseNotificationResult> RunAsync(TaskActivityContext context, CaseNotification input)
    {
        if (await ledger.WasSentAsync(input.IdempotencyKey, CancellationToken.None))
        {
            return CaseNotificationResult.AlreadyDelivered;
        }

        var result = await notifier.NotifyAsync(input, CancellationToken.None);

        // A final "not delivered" is settled too: a retry would get the same answer, so the key is spent.
        await ledger.MarkSentAsync(input.IdempotencyKey, CancellationToken.None);
        return result;
    }
}
