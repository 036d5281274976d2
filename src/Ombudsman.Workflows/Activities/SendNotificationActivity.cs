using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable;

namespace Ombudsman.Workflows.Activities;

/// <summary>
/// Hands one notification to <see cref="ICaseNotifier"/> unless its idempotency key was delivered already: an
/// activity runs at least once, and a redelivered message must not mail a complainant twice.
/// </summary>
internal sealed class SendNotificationActivity(ICaseNotifier notifier, ICaseNotificationLedger ledger) : IActivity<CaseNotification, bool>
{
    /// <returns>True when delivered now, false when it had been delivered before.</returns>
    public async Task<bool> RunAsync(CaseNotification input, CancellationToken cancellationToken)
    {
        if (await ledger.WasSentAsync(input.IdempotencyKey, cancellationToken))
        {
            return false;
        }

        await notifier.NotifyAsync(input, cancellationToken);
        await ledger.MarkSentAsync(input.IdempotencyKey, cancellationToken);
        return true;
    }
}
