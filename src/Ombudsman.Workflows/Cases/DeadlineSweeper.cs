using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// Raises <see cref="DeadlineDue"/> for every open row whose due instant has passed by the app's
/// <see cref="TimeProvider"/>. With a manual clock this is how time travel moves cases; with the system clock it is
/// a safety net should a durable timer's message ever be lost. A row is claimed before it is raised, so two sweepers
/// do not both raise it; a row still open <see cref="RaiseAgainAfter"/> after it was raised is raised again.
/// </summary>
public sealed partial class DeadlineSweeper(CaseReadModel readModel, DurableTaskClient client, TimeProvider time, ILogger<DeadlineSweeper> logger)
{
    public static readonly TimeSpan RaiseAgainAfter = TimeSpan.FromMinutes(10);

    /// <summary>Raises what is due now; returns the rows it raised.</summary>
    public async Task<IReadOnlyList<OpenCaseDeadline>> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        // Table storage keeps instants to the millisecond: ask a little past now, keep what is due by now exactly.
        var due = await readModel.ListOpenDeadlinesAsync(office: null, CaseReadModel.Earliest, now.AddMilliseconds(1), includeTimers: true, cancellationToken);
        var raised = new List<OpenCaseDeadline>();
        foreach (var row in due.Where(r => r.Timer.DueAt <= now))
        {
            if (row.RaisedAt is { } at && now - at < RaiseAgainAfter)
            {
                continue;
            }

            if (!await readModel.TryClaimAsync(row, now, cancellationToken))
            {
                continue;
            }

            await client.RaiseEventAsync(row.CaseId, DeadlineDue.EventName, new DeadlineDue { Key = row.Timer.Key, DueAt = row.Timer.DueAt }, cancellationToken);
            LogRaised(logger, row.CaseId, row.Timer.Key, row.Timer.DueAt);
            raised.Add(row);
        }

        return raised;
    }

    /// <summary>
    /// Sweeps until nothing is due any more: every due row has been raised (by this sweeper or another) and the case
    /// has applied it, which removes the row; a consequence that starts a deadline already due is swept in turn. For a
    /// manual clock: after it moves, the caller sees the consequences. Returns how many due rows were applied.
    /// </summary>
    public async Task<int> SweepUntilSettledAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        var seen = new HashSet<(string CaseId, string Key)>();
        while (true)
        {
            await SweepAsync(bounded.Token);
            var now = time.GetUtcNow();
            var due = (await readModel.ListOpenDeadlinesAsync(office: null, CaseReadModel.Earliest, now.AddMilliseconds(1), includeTimers: true, bounded.Token))
                .Where(r => r.Timer.DueAt <= now)
                .ToList();
            seen.UnionWith(due.Select(r => (r.CaseId, r.Timer.Key)));
            if (due.Count == 0)
            {
                return seen.Count;
            }

            // Real time, not the app's clock: a manual clock stands still while the cases catch up.
            await Task.Delay(SettlePoll, bounded.Token);
        }
    }

    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(50);

    [LoggerMessage(LogLevel.Information, "Deadline {Key} of case {CaseId} due {DueAt:O} raised by the sweeper.")]
    private static partial void LogRaised(ILogger logger, string caseId, string key, DateTimeOffset dueAt);
}
