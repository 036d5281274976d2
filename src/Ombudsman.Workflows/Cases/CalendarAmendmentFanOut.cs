using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// Tells every case with an open deadline a publication concerns (<see cref="CalendarPublication.Concerns"/>: counted
/// through the year provisionally or with an older version) by raising <see cref="CaseEvents.CalendarAmended"/> to it,
/// stamped with the publication's instant. Safe to run again for the same publication: a case that already recounted
/// with it no longer lists it in its open deadlines, and one told twice applies it once.
/// </summary>
public sealed partial class CalendarAmendmentFanOut(CaseReadModel readModel, DurableTaskClient client, ILogger<CalendarAmendmentFanOut> logger)
{
    /// <summary>Raises the event to each affected case once; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> RaiseAsync(CalendarPublication publication, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publication);

        // Every open deadline of every office (a scan of open rows only, as the sweeper's), filtered here: the table
        // cannot index the years a count went through.
        var open = await readModel.ListOpenDeadlinesAsync(office: null, CaseReadModel.Earliest, DateTimeOffset.MaxValue, includeTimers: false, cancellationToken);
        var cases = open
            .Where(r => r.Timer.Deadline is { } d && publication.Concerns(d.ProvisionalYears, d.CalendarVersions))
            .Select(r => r.CaseId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var action = new CaseAction { Actor = CaseActor.System, Calendar = publication };
        foreach (var caseId in cases)
        {
            var input = new CaseInput { Name = CaseEvents.CalendarAmended, Action = action, ReceivedAt = publication.PublishedAt };
            await client.RaiseEventAsync(caseId, CaseInput.EventName, input, cancellationToken);
        }

        LogRaised(logger, publication.Label, cases.Count);
        return cases;
    }

    [LoggerMessage(LogLevel.Information, "{Calendar}: {Count} case(s) with a deadline counted through the year told to recount.")]
    private static partial void LogRaised(ILogger logger, string calendar, int count);
}
