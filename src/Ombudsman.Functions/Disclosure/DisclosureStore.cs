using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Ombudsman.Functions.Staff;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Disclosure;

/// <summary>
/// What staff decided the provider may see of a case (UU 25/2009 art. 42(5)), in an Azure table (setting
/// StorageNames:DisclosuresTable, default "OmbudsmanDisclosures"), one partition per case: a row per file decided on,
/// a row per neutral file id, the approved complaint text, and a log row per decision. Each decision and its log row
/// are written in one transaction, so the staff timeline never misses or invents a decision.
/// </summary>
internal sealed class DisclosureStore(TableServiceClient tables, DisclosureStoreOptions options)
{
    private const string FilePrefix = "file-";
    private const string NeutralPrefix = "lampiran-";
    private const string TextRow = "provider-text";

    private TableClient Table => tables.GetTableClient(options.TableName);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Every file decided on (shared or unshared since), by neutral number.</summary>
    public async Task<IReadOnlyList<SharedFile>> ListFilesAsync(string caseId, CancellationToken cancellationToken)
    {
        var files = new List<SharedFile>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey gt {FilePrefix} and RowKey lt {FilePrefix + "~"}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            files.Add(ToFile(row));
        }

        return [.. files.OrderBy(f => f.NeutralId.Length).ThenBy(f => f.NeutralId, StringComparer.Ordinal)];
    }

    /// <summary>The evidence id behind a neutral id the provider uses, when that file is shared now; else null.</summary>
    public async Task<SharedFile?> FindSharedAsync(string caseId, string neutralId, CancellationToken cancellationToken)
    {
        if (!neutralId.StartsWith(NeutralPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var index = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, neutralId, cancellationToken: cancellationToken);
        if (!index.HasValue)
        {
            return null;
        }

        var file = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, FilePrefix + index.Value!.GetString("EvidenceId"), cancellationToken: cancellationToken);
        return file.HasValue && ToFile(file.Value!) is { Shared: true } shared ? shared : null;
    }

    /// <summary>
    /// Shares a file with the provider under a neutral name (<c>lampiran-{n}{extension}</c>, n the next free number of the
    /// case). Sharing a shared file changes nothing. The number is claimed by inserting its row with the file's, so two
    /// files shared at once never get the same number.
    /// </summary>
    public async Task<SharedFile> ShareAsync(string caseId, string evidenceId, string extension, CaseActor actor, DateTimeOffset at, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, FilePrefix + evidenceId, cancellationToken: cancellationToken);
            try
            {
                if (stored.HasValue)
                {
                    var existing = ToFile(stored.Value!);
                    if (existing.Shared)
                    {
                        return existing;
                    }

                    var shared = existing with { Shared = true, DecidedAt = at, DecidedBy = actor.Id };
                    await Table.SubmitTransactionAsync(
                        [
                            new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(caseId, shared), stored.Value!.ETag),
                            new TableTransactionAction(TableTransactionActionType.Add, StaffLogRows.Entry(caseId, actor, at, what)),
                        ],
                        cancellationToken);
                    return shared;
                }

                var number = (await ListFilesAsync(caseId, cancellationToken)).Select(f => NumberOf(f.NeutralId)).DefaultIfEmpty(0).Max() + 1;
                var neutralId = NeutralPrefix + number.ToString(CultureInfo.InvariantCulture);
                var file = new SharedFile
                {
                    EvidenceId = evidenceId,
                    NeutralId = neutralId,
                    NeutralName = neutralId + extension,
                    Shared = true,
                    DecidedAt = at,
                    DecidedBy = actor.Id,
                };
                await Table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Add, ToEntity(caseId, file)),
                        new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(caseId, neutralId) { ["EvidenceId"] = evidenceId }),
                        new TableTransactionAction(TableTransactionActionType.Add, StaffLogRows.Entry(caseId, actor, at, what)),
                    ],
                    cancellationToken);
                return file;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < 10)
            {
                // Another decision on this case won the row or the number: read again and retry.
            }
        }
    }

    /// <summary>Stops sharing a file; false when it was not shared (nothing is recorded then).</summary>
    public async Task<bool> UnshareAsync(string caseId, string evidenceId, CaseActor actor, DateTimeOffset at, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, FilePrefix + evidenceId, cancellationToken: cancellationToken);
            if (!stored.HasValue || ToFile(stored.Value!) is not { Shared: true } file)
            {
                return false;
            }

            try
            {
                await Table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(
                            TableTransactionActionType.UpdateReplace, ToEntity(caseId, file with { Shared = false, DecidedAt = at, DecidedBy = actor.Id }), stored.Value!.ETag),
                        new TableTransactionAction(TableTransactionActionType.Add, StaffLogRows.Entry(caseId, actor, at, what)),
                    ],
                    cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < 10)
            {
                // Changed meanwhile: read again.
            }
        }
    }

    /// <summary>The complaint text staff approved for the provider, or null while none is.</summary>
    public async Task<ApprovedComplaintText?> GetApprovedTextAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, TextRow, cancellationToken: cancellationToken);
        return row.HasValue
            ? new ApprovedComplaintText
            {
                Description = row.Value!.GetString("Description"),
                RemedyAsked = row.Value.GetString("RemedyAsked"),
                ApprovedAt = row.Value.GetDateTimeOffset("ApprovedAt") ?? DateTimeOffset.MinValue,
                ApprovedBy = row.Value.GetString("ApprovedBy"),
            }
            : null;
    }

    /// <summary>Records the complaint text the provider sees from now on (replacing an earlier approval).</summary>
    public Task ApproveTextAsync(string caseId, ApprovedComplaintText text, CaseActor actor, string what, CancellationToken cancellationToken) =>
        Table.SubmitTransactionAsync(
            [
                new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace,
                    new TableEntity(caseId, TextRow)
                    {
                        ["Description"] = text.Description,
                        ["RemedyAsked"] = text.RemedyAsked,
                        ["ApprovedAt"] = text.ApprovedAt,
                        ["ApprovedBy"] = text.ApprovedBy,
                    }),
                new TableTransactionAction(TableTransactionActionType.Add, StaffLogRows.Entry(caseId, actor, text.ApprovedAt, what)),
            ],
            cancellationToken);

    /// <summary>Every decision as a staff-only timeline entry, oldest first.</summary>
    public Task<IReadOnlyList<TimelineEntry>> DecisionsAsync(string caseId, CancellationToken cancellationToken) =>
        StaffLogRows.ReadAsync(Table, caseId, cancellationToken);

    private static int NumberOf(string neutralId) =>
        int.TryParse(neutralId.AsSpan(NeutralPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static TableEntity ToEntity(string caseId, SharedFile file) => new(caseId, FilePrefix + file.EvidenceId)
    {
        ["EvidenceId"] = file.EvidenceId,
        ["NeutralId"] = file.NeutralId,
        ["NeutralName"] = file.NeutralName,
        ["Shared"] = file.Shared,
        ["DecidedAt"] = file.DecidedAt,
        ["DecidedBy"] = file.DecidedBy,
    };

    private static SharedFile ToFile(TableEntity row) => new()
    {
        EvidenceId = row.GetString("EvidenceId"),
        NeutralId = row.GetString("NeutralId"),
        NeutralName = row.GetString("NeutralName"),
        Shared = row.GetBoolean("Shared") ?? false,
        DecidedAt = row.GetDateTimeOffset("DecidedAt") ?? DateTimeOffset.MinValue,
        DecidedBy = row.GetString("DecidedBy"),
    };

    /// <summary>Keyed by the case clock's instant, then a time-ordered tail: decisions in one tick (a stopped manual clock) keep their order.</summary>
}
