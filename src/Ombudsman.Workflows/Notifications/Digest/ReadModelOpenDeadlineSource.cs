using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Workflows.Notifications;

/// <summary>An office's open statutory deadlines from the case read model, each with its case's stage.</summary>
internal sealed class ReadModelOpenDeadlineSource(CaseReadModel readModel) : IOpenDeadlineSource
{
    public async Task<IReadOnlyList<OpenDeadline>> ListDueAsync(string officeId, DateTimeOffset dueAtOrBefore, CancellationToken cancellationToken)
    {
        var deadlines = await readModel.ListOpenDeadlinesAsync(officeId, CaseReadModel.Earliest, dueAtOrBefore.AddTicks(1), cancellationToken: cancellationToken);
        if (deadlines.Count == 0)
        {
            return [];
        }

        // A closed case has no running deadline: the open cases' list columns name every stage needed.
        var stages = (await readModel.ListOpenCasesAsync(officeId, cancellationToken))
            .ToDictionary(c => c.CaseId, c => c.Stage.ToString(), StringComparer.Ordinal);
        return [.. deadlines.Select(d => new OpenDeadline
        {
            OfficeId = officeId,
            CaseId = d.CaseId,
            RuleId = d.Timer.Deadline!.RuleId,
            Citation = d.Timer.Deadline.Citation,
            DueAt = d.Timer.DueAt,
            Stage = stages.GetValueOrDefault(d.CaseId, "-"),
        })];
    }
}
