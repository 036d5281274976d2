using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// The ledger when cases mail: none of its own. The send-record store already lets each idempotency key mail once
/// (a retry gets AlreadySent, the same Rejected/Uncertain, or waits out an attempt in flight), and in Azure it is
/// a table every host shares, which the in-process ledger is not. Keeping both would only add a second, weaker
/// answer to the same question.
/// </summary>
internal sealed class SendRecordCaseNotificationLedger : ICaseNotificationLedger
{
    public Task<bool> WasSentAsync(string idempotencyKey, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task MarkSentAsync(string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;
}
