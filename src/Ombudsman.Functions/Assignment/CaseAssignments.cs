using Azure;
using Azure.Data.Tables;
using Ombudsman.Functions.Staff;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Assignment;

/// <summary>Whom a case is assigned to now, since when and by whom.</summary>
internal sealed record CaseAssignment(string AssigneeId, string AssigneeName, DateTimeOffset AssignedAt, string AssignedById, string AssignedByName);

/// <summary>What a change of assignment did.</summary>
internal enum AssignmentChange
{
    /// <summary>Recorded, with its timeline entry.</summary>
    Changed,

    /// <summary>The case was already assigned so: nothing recorded.</summary>
    Unchanged,

    /// <summary>Someone changed the assignment since the form was shown: nothing recorded.</summary>
    Conflict,
}

/// <summary>
/// Who handles each case of an office, in an Azure table (setting StorageNames:AssignmentsTable, default
/// "OmbudsmanAssignments"), one partition per case: the current assignment and a log row per change, written in one
/// transaction so the staff timeline never misses or invents a change. The case's read model row carries the assignee
/// too (<see cref="CaseReadModel.SetAssigneeAsync"/>), so the office's lists filter by it without reading this table;
/// it is written after the assignment and again by any later attempt of the same change, which puts it back in step.
/// </summary>
internal sealed class CaseAssignments(TableServiceClient tables, AssignmentStorageOptions options, CaseReadModel readModel)
{
    private const string CurrentRow = "current";

    private TableClient Table => tables.GetTableClient(options.AssignmentsTable);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The case's assignment, or null while nobody is assigned.</summary>
    public async Task<CaseAssignment?> CurrentAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, CurrentRow, cancellationToken: cancellationToken);
        return row.HasValue ? ToAssignment(row.Value!) : null;
    }

    /// <summary>
    /// Assigns the case to <paramref name="assignee"/> (null: to nobody), provided it is still assigned to
    /// <paramref name="expectedAssigneeId"/> (null: to nobody), as the form that asked for the change showed it; so two
    /// officers taking the same case at once do not both get it.
    /// </summary>
    public async Task<AssignmentChange> ChangeAsync(
        string office, string caseId, string? expectedAssigneeId, CaseAssignee? assignee, CaseActor actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, CurrentRow, cancellationToken: cancellationToken);
        var current = stored.HasValue ? ToAssignment(stored.Value!) : null;
        if (current?.AssigneeId == assignee?.Id)
        {
            await readModel.SetAssigneeAsync(office, caseId, assignee, cancellationToken);
            return AssignmentChange.Unchanged;
        }

        if (current?.AssigneeId != expectedAssigneeId)
        {
            return AssignmentChange.Conflict;
        }

        var what = (current, assignee) switch
        {
            (null, { } to) => $"Case assigned to {to.Name} ({to.Id}).",
            ({ } from, { } to) => $"Case reassigned from {from.AssigneeName} ({from.AssigneeId}) to {to.Name} ({to.Id}).",
            ({ } from, null) => $"Case no longer assigned to {from.AssigneeName} ({from.AssigneeId}).",
            _ => throw new InvalidOperationException("No change to record."),
        };
        var actions = new List<TableTransactionAction>();
        if (assignee is null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(caseId, CurrentRow), stored.Value!.ETag));
        }
        else
        {
            var row = new TableEntity(caseId, CurrentRow)
            {
                ["AssigneeId"] = assignee.Id,
                ["AssigneeName"] = assignee.Name,
                ["AssignedAt"] = at,
                ["AssignedById"] = actor.Id,
                ["AssignedByName"] = actor.Name,
            };
            actions.Add(stored.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, stored.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, row));
        }

        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, StaffLogRows.Entry(caseId, actor, at, what)));
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return AssignmentChange.Conflict;
        }

        await readModel.SetAssigneeAsync(office, caseId, assignee, cancellationToken);
        return AssignmentChange.Changed;
    }

    /// <summary>Every change of assignment as a staff-only timeline entry, oldest first.</summary>
    public Task<IReadOnlyList<TimelineEntry>> ChangesAsync(string caseId, CancellationToken cancellationToken) =>
        StaffLogRows.ReadAsync(Table, caseId, cancellationToken);

    private static CaseAssignment ToAssignment(TableEntity row) => new(
        row.GetString("AssigneeId"),
        row.GetString("AssigneeName"),
        row.GetDateTimeOffset("AssignedAt") ?? DateTimeOffset.MinValue,
        row.GetString("AssignedById"),
        row.GetString("AssignedByName"));
}
