using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Ombudsman.Functions.Identity;

namespace Ombudsman.Functions.Assignment;

/// <summary>A staff member an office knows: recorded when they last signed in to the console (or seeded locally).</summary>
internal sealed record KnownStaffMember(string Id, string Name, string Office, IReadOnlyList<string> Roles);

/// <summary>
/// The offices' known staff, in an Azure table (setting StorageNames:StaffDirectoryTable, default
/// "OmbudsmanStaffDirectory"), one partition per office and a row per member: id, name and roles as their last
/// sign-in stated them. Cases are assigned only to members found here, so an assignment always names someone the office
/// has seen in the console. A member's row is written once per process while their name and roles stay the same, not on
/// every page they open.
/// </summary>
internal sealed class StaffDirectory(TableServiceClient tables, AssignmentStorageOptions options)
{
    private readonly ConcurrentDictionary<string, string> _recorded = new(StringComparer.Ordinal);

    private TableClient Table => tables.GetTableClient(options.StaffDirectoryTable);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Records (or refreshes) the member's row; only members with a case role are recorded.</summary>
    public async Task RecordAsync(StaffMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var roles = member.Roles.Where(StaffRoles.IsKnown).ToList();
        var signature = $"{member.Office}|{member.Name}|{string.Join(",", roles)}";
        if (roles.Count == 0 || (_recorded.TryGetValue(member.Id, out var known) && known == signature))
        {
            return;
        }

        await Table.UpsertEntityAsync(
            new TableEntity(member.Office, member.Id) { ["Name"] = member.Name, ["Roles"] = string.Join(",", roles) },
            TableUpdateMode.Replace,
            cancellationToken);
        _recorded[member.Id] = signature;
    }

    /// <summary>The office's known staff, by name.</summary>
    public async Task<IReadOnlyList<KnownStaffMember>> ListAsync(string office, CancellationToken cancellationToken)
    {
        var members = new List<KnownStaffMember>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {office}"), cancellationToken: cancellationToken))
        {
            members.Add(ToMember(row));
        }

        return [.. members.OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <summary>The member of <paramref name="office"/> with this id, or null when the office does not know them.</summary>
    public async Task<KnownStaffMember?> FindAsync(string office, string id, CancellationToken cancellationToken)
    {
        try
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(office, id, cancellationToken: cancellationToken);
            return row.HasValue ? ToMember(row.Value!) : null;
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            // A key the table service cannot hold (a '/' or '#' typed into an address) names nobody.
            return null;
        }
    }

    private static KnownStaffMember ToMember(TableEntity row) => new(
        row.RowKey,
        row.GetString("Name") ?? row.RowKey,
        row.PartitionKey,
        (row.GetString("Roles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}
