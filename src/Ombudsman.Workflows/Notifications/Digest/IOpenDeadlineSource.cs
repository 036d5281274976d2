namespace Ombudsman.Workflows.Notifications;

/// <summary>Open deadlines of an office; the durable runtime's deadline index implements it.</summary>
internal interface IOpenDeadlineSource
{
    /// <summary>Every open (not fired, not cancelled) deadline of the office due at or before <paramref name="dueAtOrBefore"/>, overdue ones included.</summary>
    Task<IReadOnlyList<OpenDeadline>> ListDueAsync(string officeId, DateTimeOffset dueAtOrBefore, CancellationToken cancellationToken);
}
