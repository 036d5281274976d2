using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>Open deadlines from a list, standing in for the runtime's deadline index.</summary>
internal sealed class InMemoryOpenDeadlineSource(params OpenDeadline[] deadlines) : IOpenDeadlineSource
{
    public Task<IReadOnlyList<OpenDeadline>> ListDueAsync(string officeId, DateTimeOffset dueAtOrBefore, CancellationToken cancellationToken)
    {
        IReadOnlyList<OpenDeadline> due = [.. deadlines.Where(d => d.OfficeId == officeId && d.DueAt <= dueAtOrBefore)];
        return Task.FromResult(due);
    }
}
