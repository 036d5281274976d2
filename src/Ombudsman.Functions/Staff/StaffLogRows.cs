using System.Globalization;
using Azure.Data.Tables;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Staff;

/// <summary>
/// Log rows of a staff decision kept beside the case in a console-owned table (disclosures, assignments): one row per
/// decision in the case's partition, keyed by its instant so they read oldest first, and shown on the case's staff
/// timeline only.
/// </summary>
internal static class StaffLogRows
{
    private const string Prefix = "log-";

    /// <summary>The row recording that <paramref name="actor"/> did <paramref name="what"/> at <paramref name="at"/>.</summary>
    public static TableEntity Entry(string caseId, CaseActor actor, DateTimeOffset at, string what) =>
        new(caseId, $"{Prefix}{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{Guid.CreateVersion7():N}")
        {
            ["At"] = at,
            ["ActorId"] = actor.Id,
            ["ActorName"] = actor.Name,
            ["What"] = what,
        };

    /// <summary>Every log row of the case in <paramref name="table"/> as a staff-only timeline entry, oldest first.</summary>
    public static async Task<IReadOnlyList<TimelineEntry>> ReadAsync(TableClient table, string caseId, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey gt {Prefix} and RowKey lt {Prefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new TimelineEntry
            {
                At = row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                Actor = new CaseActor { Role = CaseRole.Staff, Id = row.GetString("ActorId"), Name = row.GetString("ActorName") },
                What = row.GetString("What"),
                Kind = TimelineKind.Action,
                Visibility = TimelineVisibility.Staff,
            });
        }

        return entries;
    }
}
