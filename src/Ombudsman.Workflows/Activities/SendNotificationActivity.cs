using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable;

namespace Ombudsman.Workflows.Activities;

/// <summary>
/// Hands one notification to <see cref="ICaseNotifier"/> unless its idempotency key was delivered already: an
/// activity runs at least once, and a redelivered message must not mail a complainant twice.
/// </summary>
internal sealed class SendNotificationActivity(ICaseNotifier notifier, ICaseNotificationLedger ledger) : IActivity<CaseNotification, CaseNotificationResult>
{
    /// <returns>What the notifier did; <see cref="CaseNotificationResult.AlreadyDelivered"/> when the ledger had the key.</returns>
    public async Task<CaseNotificationResult> RunAsync(CaseNotification input, CancellationToken cancellationToken)
    {
        if (await ledger.WasSentAsync(input.IdempotencyKey, cancellationToken))
        {
            return CaseNotificationResult.AlreadyDelivered;
        }

        var result = await notifier.NotifyAsync(input, cancellationToken);

        // A final "not delivered" is settled too: a retry would get the same answer, so the key is spent.
        await ledger.MarkSentAsync(input.IdempotencyKey, cancellationToken);
        return result;
    }
}
