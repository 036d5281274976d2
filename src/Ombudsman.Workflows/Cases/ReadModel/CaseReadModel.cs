using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Ombudsman.Workflows.Cases.ReadModel;

/// <summary>
/// The case read model in Azure Tables, and the one gateway to it: cases by office, each case's timeline, and
/// open deadlines by office and due instant. Written only by the case orchestration's record activity
/// (<see cref="ApplyAsync"/>, idempotent); read by staff lists, tracking, the provider view, the digest and the
/// deadline sweeper. It outlives the engine's history: purging completed instances loses nothing shown here.
/// </summary>
public sealed class CaseReadModel
{
    /// <summary>Table string properties hold at most 32K UTF-16 characters; longer JSON is split over numbered columns.</summary>
    private const int ChunkLength = 30_000;
    private const string CaseRowKey = "case";
    private const string EntryPrefix = "e";

    /// <summary>The row that holds a case id from the moment a filing claims it (sorts before the entries).</summary>
    private const string ClaimRowKey = "claim";

    /// <summary>
    /// Columns of the case row that the staff console owns (who the case is assigned to), not the orchestration: a
    /// record write keeps them as they are, and only <see cref="SetAssigneeAsync"/> changes them.
    /// </summary>
    private static readonly string[] AssigneeColumns = ["AssignedTo", "AssignedToName"];

    private readonly TableClient _cases;
    private readonly TableClient _timeline;
    private readonly TableClient _deadlines;
    private readonly Lazy<Task> _created;

    public CaseReadModel(TableServiceClient tables, CaseReadModelNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _cases = tables.GetTableClient(names.CasesTable);
        _timeline = tables.GetTableClient(names.TimelineTable);
        _deadlines = tables.GetTableClient(names.OpenDeadlinesTable);
        _created = new Lazy<Task>(() => Task.WhenAll(_cases.CreateIfNotExistsAsync(), _timeline.CreateIfNotExistsAsync(), _deadlines.CreateIfNotExistsAsync()));
    }

    /// <summary>The earliest instant Azure Tables stores; the open start of a due range.</summary>
    public static readonly DateTimeOffset Earliest = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Task EnsureCreatedAsync() => _created.Value;

    /// <summary>
    /// Reads one key of the cases table: throws when the table service cannot be reached or refuses the app (health
    /// checks). A table not created yet counts as reachable: the service answered, and the first write creates it.
    /// </summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in _cases.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                return;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The service answered: the table just does not exist yet.
        }
    }

    /// <summary>
    /// Writes one update. Idempotent: timeline entries are keyed by sequence number, and the case row and its
    /// deadline rows change only when <see cref="CaseRecordUpdate.Version"/> is newer than the stored one, so a
    /// retried or duplicated activity writes nothing twice and an old duplicate never undoes a newer write.
    /// </summary>
    public async Task ApplyAsync(CaseRecordUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        await EnsureCreatedAsync();
        await WriteTimelineAsync(update, cancellationToken);
        var stored = await _timeline.GetEntityIfExistsAsync<TableEntity>(update.CaseId, CaseRowKey, cancellationToken: cancellationToken);
        var pointer = stored.HasValue ? stored.Value : null;
        var pointed = pointer?.GetString("Office");
        string? leaving = null;
        if (pointed is not null && pointed != update.Office)
        {
            // The case changed office (a transfer), unless this is an old duplicate written before it did.
            var there = await _cases.GetEntityIfExistsAsync<TableEntity>(pointed, update.CaseId, cancellationToken: cancellationToken);
            if (there.HasValue && (there.Value!.GetInt32("Version") ?? 0) >= update.Version)
            {
                return;
            }

            leaving = pointed;
        }

        await WriteCaseRowAsync(update, cancellationToken);
        await CompleteMoveAsync(update, pointer, leaving, cancellationToken);
    }

    /// <summary>
    /// A transferred case's rows move partition: the new row is written first (<see cref="WriteCaseRowAsync"/>), then the
    /// pointer names the receiving office (from then on a read finds only the new row, so the sending office's staff get
    /// a missing case), then the sending office's rows are deleted; the case is listed twice only for that moment. The
    /// pointer keeps the office it left until the rows there are gone, so a write that fails between the steps is
    /// completed by its retry or by the next write.
    /// </summary>
    private async Task CompleteMoveAsync(CaseRecordUpdate update, TableEntity? pointer, string? leaving, CancellationToken cancellationToken)
    {
        if (pointer is null)
        {
            return;
        }

        var left = pointer.GetString("MovedFrom") is { Length: > 0 } earlier && earlier != update.Office ? earlier : null;
        if (leaving is not null)
        {
            await _timeline.UpdateEntityAsync(
                new TableEntity(update.CaseId, CaseRowKey) { ["Office"] = update.Office, ["MovedFrom"] = leaving }, ETag.All, TableUpdateMode.Merge, cancellationToken);
            left = leaving;
        }

        if (left is null)
        {
            return;
        }

        var rows = TableClient.CreateQueryFilter($"PartitionKey eq {left} and CaseId eq {update.CaseId}");
        await foreach (var row in _deadlines.QueryAsync<TableEntity>(rows, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await DeleteIfPresentAsync(_deadlines, row.PartitionKey, row.RowKey, cancellationToken);
        }

        await DeleteIfPresentAsync(_cases, left, update.CaseId, cancellationToken);
        await _timeline.UpdateEntityAsync(new TableEntity(update.CaseId, CaseRowKey) { ["MovedFrom"] = "" }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    private static async Task DeleteIfPresentAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Deleted by an earlier attempt of the same write.
        }
    }

    private async Task WriteCaseRowAsync(CaseRecordUpdate update, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await _cases.GetEntityIfExistsAsync<TableEntity>(update.Office, update.CaseId, cancellationToken: cancellationToken);
            var current = stored.HasValue ? stored.Value : null;
            if (current is not null && (current.GetInt32("Version") ?? 0) >= update.Version)
            {
                return;
            }

            await WriteTimersAsync(update, cancellationToken);
            var row = CaseRow(update);
            foreach (var column in AssigneeColumns)
            {
                // Whom the case is assigned to is not the workflow's: a record write keeps it (SetAssigneeAsync).
                if (current is not null && current.TryGetValue(column, out var kept))
                {
                    row[column] = kept;
                }
            }

            try
            {
                if (current is null)
                {
                    await _cases.AddEntityAsync(row, cancellationToken);
                }
                else
                {
                    await _cases.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another write of this case landed in between: compare versions again.
            }
        }
    }

    /// <summary>
    /// The case row an update writes (partition: the office; row: the case id): the status without its timeline as
    /// chunked JSON, and the columns lists filter on and statistics count. Internal for the console benchmark, which
    /// seeds many cases in exactly this shape without running their workflows.
    /// </summary>
    internal static TableEntity CaseRow(CaseRecordUpdate update)
    {
        var row = new TableEntity(update.Office, update.CaseId)
        {
            ["Stage"] = update.Status.Stage.ToString(),
            ["Path"] = update.Status.Path.ToString(),
            ["Channel"] = update.Status.Channel.ToString(),
            ["ReceivedAt"] = update.Status.ReceivedAt,
            ["Version"] = update.Version,
            ["InputsHandled"] = update.InputsHandled,
            ["Waiting"] = update.Waiting,
            ["Completed"] = update.Status.Stage == CaseStage.Closed,

            // The facts statistics count, as their own columns (see ListCaseFactsAsync).
            ["OfficeTimeZone"] = update.Status.OfficeTimeZone,
            ["ProviderName"] = update.Status.ProviderName,
            ["ProviderKind"] = update.Status.ProviderKind?.ToString(),
            ["ClosedAt"] = update.Status.ClosedAt,
            ["ClosedReason"] = update.Status.ClosedReason?.ToString(),
            ["Deadlines"] = CaseJson.Serialize(update.Status.Deadlines),
            ["AssignedTo"] = "",
            ["AssignedToName"] = "",
        };
        AddListColumns(row, update.Status);
        Chunk(row, "Status", CaseJson.Serialize(update.Status with { Timeline = [] }));
        return row;
    }

    /// <summary>
    /// The shape of the case row this code writes: rows written before the list columns existed have none and are
    /// brought up to it by <see cref="UpgradeRowsAsync"/>.
    /// </summary>
    private const int CurrentRowSchema = 2;

    /// <summary>The latest instant Azure Tables stores: "never" in the instant columns lists filter on, so no row lacks them.</summary>
    private static readonly DateTimeOffset Latest = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The small columns lists read (<see cref="ListedCase"/>) and filter on, derived from the status: the deadline to
    /// look at first, the earliest running and the earliest of all deadlines, whether one is recorded overdue or a
    /// notification did not arrive, and until when statistics may count the case (open: always).
    /// </summary>
    private static void AddListColumns(TableEntity row, CaseStatus status)
    {
        var running = status.OpenDeadlines.Where(d => d.Suspended is null).ToList();
        var first = status.OverdueDeadlines.OrderBy(d => d.DueAt).FirstOrDefault();
        var firstOverdue = first is not null;
        first ??= status.OpenDeadlines.OrderBy(d => d.DueAt).FirstOrDefault();
        row["FirstRule"] = first?.RuleId ?? "";
        row["FirstKind"] = first?.Kind ?? "";
        row["FirstDueAt"] = first?.DueAt ?? Latest;
        row["FirstDueDate"] = first?.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        row["FirstOverdue"] = firstOverdue;
        row["NextDueAt"] = running.Count > 0 ? running.Min(d => d.DueAt) : Latest;
        row["EarliestDueAt"] = status.OverdueDeadlines.Concat(running).Select(d => d.DueAt).DefaultIfEmpty(Latest).Min();
        row["HasOverdue"] = status.OverdueDeadlines.Count > 0;
        row["EmailNotDelivered"] = status.EmailNotDelivered || status.NotDeliveredNotifications.Count > 0;
        row["CountedUntil"] = status.Stage != CaseStage.Closed
            ? Latest
            : status.Deadlines.Select(d => d.DueAt).Append(status.ClosedAt ?? Earliest).Max();
        row["RowSchema"] = CurrentRowSchema;
    }

    private static readonly string[] ListColumns =
    [
        "PartitionKey", "RowKey", "Stage", "Path", "Channel", "ProviderName", "ReceivedAt", "ClosedAt", "OfficeTimeZone", "FirstRule", "FirstKind",
        "FirstDueAt", "FirstDueDate", "FirstOverdue", "NextDueAt", "HasOverdue", "EmailNotDelivered", .. AssigneeColumns,
    ];

    private static ListedCase ReadListed(TableEntity row)
    {
        DateTimeOffset? Instant(string column) => row.GetDateTimeOffset(column) is { } at && at < Latest ? at : null;
        var firstDue = Instant("FirstDueAt");
        return new ListedCase
        {
            CaseId = row.RowKey,
            Office = row.PartitionKey,
            OfficeTimeZone = ZoneOf(row),
            Stage = StageOf(row),
            Path = PathOf(row),
            Channel = ChannelOf(row),
            ProviderName = row.GetString("ProviderName"),
            ReceivedAt = row.GetDateTimeOffset("ReceivedAt"),
            ClosedAt = row.GetDateTimeOffset("ClosedAt"),
            FirstDeadline = firstDue is { } due && row.GetString("FirstRule") is { Length: > 0 } rule
                ? new ListedDeadline(
                    rule,
                    row.GetString("FirstKind") ?? "",
                    due,
                    DateOnly.ParseExact(row.GetString("FirstDueDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    row.GetBoolean("FirstOverdue") ?? false)
                : null,
            NextDueAt = Instant("NextDueAt"),
            HasOverdueDeadline = row.GetBoolean("HasOverdue") ?? false,
            EmailNotDelivered = row.GetBoolean("EmailNotDelivered") ?? false,
            Assignee = row.GetString("AssignedTo") is { Length: > 0 } id ? new CaseAssignee(id, row.GetString("AssignedToName") ?? id) : null,
        };
    }

    // The columns lists and statistics both read; a row from before the channel existed was an online filing.
    private static string ZoneOf(TableEntity row) => row.GetString("OfficeTimeZone") ?? Statute.OfficeTimeZone.Wib.Code;

    private static CaseStage StageOf(TableEntity row) => Enum.Parse<CaseStage>(row.GetString("Stage"));

    private static Statute.ComplaintPath PathOf(TableEntity row) => Enum.Parse<Statute.ComplaintPath>(row.GetString("Path"));

    private static IntakeChannel ChannelOf(TableEntity row) =>
        Enum.TryParse<IntakeChannel>(row.GetString("Channel"), out var channel) ? channel : IntakeChannel.Online;

    /// <summary>
    /// Brings case rows written before the list columns existed up to <see cref="CurrentRowSchema"/>: each such row's
    /// status is read and the columns merged in, guarded by its ETag so a record write landing meanwhile (which writes
    /// the whole current shape) is never overwritten. Reads only the keys and the schema column of rows already current.
    /// Returns how many rows it upgraded.
    /// </summary>
    public async Task<int> UpgradeRowsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        var upgraded = 0;
        await foreach (var key in _cases.QueryAsync<TableEntity>(maxPerPage: 1000, select: ["PartitionKey", "RowKey", "RowSchema"], cancellationToken: cancellationToken))
        {
            if ((key.GetInt32("RowSchema") ?? 0) >= CurrentRowSchema)
            {
                continue;
            }

            var stored = await _cases.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, key.RowKey, cancellationToken: cancellationToken);
            if (!stored.HasValue || (stored.Value!.GetInt32("RowSchema") ?? 0) >= CurrentRowSchema)
            {
                continue;
            }

            var columns = new TableEntity(key.PartitionKey, key.RowKey);
            AddListColumns(columns, ReadStatus(stored.Value));
            foreach (var column in AssigneeColumns)
            {
                columns[column] = stored.Value.GetString(column) ?? "";
            }

            try
            {
                await _cases.UpdateEntityAsync(columns, stored.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                upgraded++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Rewritten (in the current shape) or removed since it was read.
            }
        }

        return upgraded;
    }

    /// <summary>
    /// The case, or null when no case has this id. Without <paramref name="withTimeline"/> the timeline is left out
    /// (two point reads instead of a query over every entry): for checks and waits that only need the stage and progress.
    /// </summary>
    public async Task<CaseView?> GetAsync(string caseId, CancellationToken cancellationToken = default, bool withTimeline = true)
    {
        await EnsureCreatedAsync();
        var pointer = await _timeline.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRowKey, cancellationToken: cancellationToken);
        if (!pointer.HasValue)
        {
            return null;
        }

        var office = pointer.Value!.GetString("Office");
        var row = await _cases.GetEntityIfExistsAsync<TableEntity>(office, caseId, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var filing = CaseJson.Deserialize<CaseFiling>(Unchunk(pointer.Value, "Filing"))!;
        var status = ReadStatus(row.Value!);
        var entries = new List<TimelineEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey gt {EntryPrefix} and RowKey lt {EntryPrefix + "~"}");
        await foreach (var entry in withTimeline ? _timeline.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken) : AsyncEnumerable.Empty<TableEntity>())
        {
            entries.Add(CaseJson.Deserialize<TimelineEntry>(entry.GetString("Entry"))!);
        }

        // A transferred case is handled by its new office: whoever reads the complaint (pages, emails) sees that office.
        var complaint = status.Office == filing.Complaint.Office.Code
            ? filing.Complaint
            : filing.Complaint with { Office = new RegionalOffice { Code = status.Office, Name = status.OfficeName ?? status.Office, TimeZoneCode = status.OfficeTimeZone } };
        return new CaseView(
            caseId,
            complaint,
            status with { Timeline = entries },
            filing.ReceivedAt,
            row.Value!.GetInt32("InputsHandled") ?? 0,
            row.Value.GetBoolean("Waiting") ?? false,
            row.Value.GetBoolean("Completed") ?? false);
    }

    /// <summary>Whether any row of the case exists (even one its first write left half done): the id is taken.</summary>
    public async Task<bool> ExistsAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId}");
        await foreach (var _ in _timeline.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// Claims a case id for a new filing: one insert that only the first of two filings under the same id wins (false
    /// for the other). The engine cannot be relied on for this: through the SDK's sidecar, the Azure Storage back end
    /// accepts a start under an ended instance's id without refusing it, whatever dedupe statuses the client sends.
    /// </summary>
    public async Task<bool> TryClaimIdAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        try
        {
            await _timeline.AddEntityAsync(new TableEntity(caseId, ClaimRowKey) { ["ClaimedAt"] = at }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Removes every row of a case whose filing was undone (timeline, case row, deadline rows), so no half-made case
    /// is listed, tracked or swept. Only for that: a case that ran keeps its record.
    /// </summary>
    public async Task RemoveAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        var pointer = await _timeline.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRowKey, cancellationToken: cancellationToken);
        if (pointer.HasValue && pointer.Value!.GetString("Office") is { } office)
        {
            var rows = TableClient.CreateQueryFilter($"PartitionKey eq {office} and CaseId eq {caseId}");
            await foreach (var row in _deadlines.QueryAsync<TableEntity>(rows, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                await _deadlines.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            }

            await _cases.DeleteEntityAsync(office, caseId, ETag.All, cancellationToken);
        }

        // The pointer last: while it exists the id still counts as taken.
        var entries = TableClient.CreateQueryFilter($"PartitionKey eq {caseId}");
        await foreach (var entry in _timeline.QueryAsync<TableEntity>(entries, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (entry.RowKey != CaseRowKey)
            {
                await _timeline.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, ETag.All, cancellationToken);
            }
        }

        await _timeline.DeleteEntityAsync(caseId, CaseRowKey, ETag.All, cancellationToken);
    }

    /// <summary>An office's cases (status without timeline), optionally in one stage, in case id order.</summary>
    public async Task<IReadOnlyList<CaseStatus>> ListCasesAsync(string office, CaseStage? stage = null, CancellationToken cancellationToken = default) =>
        [.. (await ListCaseStatusesAsync(office, new CaseListQuery { Stage = stage }, cancellationToken)).Select(c => c.Status)];

    /// <summary>An office's cases that are not closed, as lists show them, in case id order.</summary>
    public Task<IReadOnlyList<ListedCase>> ListOpenCasesAsync(string office, CancellationToken cancellationToken = default) =>
        ListCasesAsync(office, new CaseListQuery { OpenOnly = true }, cancellationToken);

    /// <summary>
    /// An office's cases as lists show them, those <paramref name="query"/> asks for, in case id order: the table
    /// service applies its conditions and sends only the list columns of the matching rows.
    /// </summary>
    public async Task<IReadOnlyList<ListedCase>> ListCasesAsync(string office, CaseListQuery query, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        var cases = new List<ListedCase>();
        await foreach (var row in _cases.QueryAsync<TableEntity>(Filter(office, query), maxPerPage: 1000, select: ListColumns, cancellationToken: cancellationToken))
        {
            cases.Add(ReadListed(row));
        }

        return cases;
    }

    /// <summary>
    /// An office's cases with their whole status (without timeline) and whom each is assigned to, those
    /// <paramref name="query"/> asks for (conditions the table service applies), in case id order.
    /// </summary>
    public Task<IReadOnlyList<OfficeCase>> ListCaseStatusesAsync(string office, CaseListQuery query, CancellationToken cancellationToken = default) =>
        ListRowsAsync(Filter(office, query), cancellationToken);

    private static string Filter(string office, CaseListQuery query)
    {
        var conditions = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {office}") };
        if (query.Stage is { } stage)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Stage eq {stage.ToString()}"));
        }

        if (query.OpenOnly || query.OverdueAt is not null)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Stage ne {nameof(CaseStage.Closed)}"));
        }

        if (query.Path is { } path)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Path eq {path.ToString()}"));
        }

        if (query.Channel is { } channel)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Channel eq {channel.ToString()}"));
        }

        if (query.AssignedTo is { } assignee)
        {
            conditions.Add(TableClient.CreateQueryFilter($"AssignedTo eq {assignee}"));
        }

        if (query.Unassigned)
        {
            conditions.Add(TableClient.CreateQueryFilter($"AssignedTo eq {""}"));
        }

        if (query.OverdueAt is { } now)
        {
            conditions.Add("(" + TableClient.CreateQueryFilter($"HasOverdue eq {true} or NextDueAt le {now.ToUniversalTime()}") + ")");
        }

        if (query.DueBy is { } dueBy)
        {
            conditions.Add(TableClient.CreateQueryFilter($"EarliestDueAt le {dueBy.ToUniversalTime()}"));
        }

        if (query.ReceivedFrom is { } receivedFrom)
        {
            conditions.Add(TableClient.CreateQueryFilter($"ReceivedAt ge {receivedFrom.ToUniversalTime()}"));
        }

        if (query.EmailNotDelivered)
        {
            conditions.Add(TableClient.CreateQueryFilter($"EmailNotDelivered eq {true}"));
        }

        return string.Join(" and ", conditions);
    }

    /// <summary>
    /// The columns a listed case is read from: its status JSON, in up to <see cref="ListedStatusChunks"/> chunks (a
    /// longer one is read whole by its key), and its assignee; not the facts columns, which repeat parts of the status.
    /// </summary>
    private const int ListedStatusChunks = 4;

    private static readonly string[] ListedColumns =
    [
        "PartitionKey", "RowKey", "StatusParts", .. Enumerable.Range(0, ListedStatusChunks).Select(i => "Status" + i.ToString(CultureInfo.InvariantCulture)), .. AssigneeColumns,
    ];

    private async Task<IReadOnlyList<OfficeCase>> ListRowsAsync(string filter, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync();
        var cases = new List<OfficeCase>();
        await foreach (var row in _cases.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ListedColumns, cancellationToken: cancellationToken))
        {
            var status = (row.GetInt32("StatusParts") ?? 0) > ListedStatusChunks
                ? ReadStatus((await _cases.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).Value)
                : ReadStatus(row);
            cases.Add(new OfficeCase(
                status,
                row.GetString("AssignedTo") is { Length: > 0 } id ? new CaseAssignee(id, row.GetString("AssignedToName") ?? id) : null));
        }

        return cases;
    }

    /// <summary>
    /// Records on the case row whom the case is assigned to (null: nobody), for lists that filter by it. Only the two
    /// assignee columns are merged in; a record write in between keeps them (see <see cref="ApplyAsync"/>). False when
    /// the case has no row.
    /// </summary>
    public async Task<bool> SetAssigneeAsync(string office, string caseId, CaseAssignee? assignee, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        try
        {
            await _cases.UpdateEntityAsync(
                new TableEntity(office, caseId) { ["AssignedTo"] = assignee?.Id ?? "", ["AssignedToName"] = assignee?.Name ?? "" },
                ETag.All,
                TableUpdateMode.Merge,
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private static readonly string[] FactColumns =
        ["PartitionKey", "RowKey", "OfficeTimeZone", "Stage", "Path", "Channel", "ProviderName", "ProviderKind", "ReceivedAt", "ClosedAt", "ClosedReason", "Deadlines"];

    /// <summary>
    /// The statistics facts of the cases of an office (of every office when it is null) that a report from
    /// <paramref name="countedFrom"/> on can count: open cases, and closed ones that closed or had a deadline fall due
    /// from then on (the CountedUntil column, which the table service compares, so years of closed cases are not
    /// sent). Only the fact columns are read, not the status JSON. One partition query, or a table scan for every office.
    /// </summary>
    public async Task<IReadOnlyList<CaseFacts>> ListCaseFactsAsync(string? office, DateTimeOffset? countedFrom = null, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        var conditions = new List<string>();
        if (office is not null)
        {
            conditions.Add(TableClient.CreateQueryFilter($"PartitionKey eq {office}"));
        }

        if (countedFrom is { } from)
        {
            conditions.Add(TableClient.CreateQueryFilter($"CountedUntil ge {from.ToUniversalTime()}"));
        }

        var filter = conditions.Count == 0 ? null : string.Join(" and ", conditions);
        var facts = new List<CaseFacts>();
        await foreach (var row in _cases.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: FactColumns, cancellationToken: cancellationToken))
        {
            facts.Add(new CaseFacts
            {
                CaseId = row.RowKey,
                Office = row.PartitionKey,
                OfficeTimeZone = ZoneOf(row),
                Stage = StageOf(row),
                Path = PathOf(row),
                Channel = ChannelOf(row),
                ProviderName = row.GetString("ProviderName"),
                ProviderKind = Enum.TryParse<ProviderKind>(row.GetString("ProviderKind"), out var kind) ? kind : null,
                ReceivedAt = row.GetDateTimeOffset("ReceivedAt"),
                ClosedAt = row.GetDateTimeOffset("ClosedAt"),
                ClosedReason = Enum.TryParse<CaseClosedReason>(row.GetString("ClosedReason"), out var reason) ? reason : null,
                Deadlines = row.GetString("Deadlines") is { Length: > 0 } json ? CaseJson.Deserialize<List<DeadlineRecord>>(json) ?? [] : [],
            });
        }

        return facts;
    }

    /// <summary>
    /// Open rows due in [<paramref name="dueFrom"/>, <paramref name="dueTo"/>), earliest first: statutory deadlines
    /// only unless <paramref name="includeTimers"/>; of one office, or of every office when it is null.
    /// </summary>
    public async Task<IReadOnlyList<OpenCaseDeadline>> ListOpenDeadlinesAsync(
        string? office, DateTimeOffset dueFrom, DateTimeOffset dueTo, bool includeTimers = false, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        var range = TableClient.CreateQueryFilter($"DueAt ge {dueFrom.ToUniversalTime()} and DueAt lt {dueTo.ToUniversalTime()}");
        var filter = office is null ? range : TableClient.CreateQueryFilter($"PartitionKey eq {office}") + " and " + range;
        if (!includeTimers)
        {
            filter += " and IsDeadline eq true";
        }

        var rows = new List<OpenCaseDeadline>();
        await foreach (var row in _deadlines.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(ReadDeadline(row));
        }

        return [.. rows.OrderBy(r => r.Timer.DueAt).ThenBy(r => r.CaseId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Marks a due row as raised, unless another sweeper did so since it was read (an ETag-guarded merge), so two
    /// sweepers do not both raise it. Returns false when the row moved or is gone.
    /// </summary>
    public async Task<bool> TryClaimAsync(OpenCaseDeadline row, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = DeadlineRowKey(row.CaseId, row.Timer);
        var stored = await _deadlines.GetEntityIfExistsAsync<TableEntity>(row.Office, key, cancellationToken: cancellationToken);
        if (!stored.HasValue || stored.Value!.GetDateTimeOffset("RaisedAt") != row.RaisedAt)
        {
            return false;
        }

        try
        {
            await _deadlines.UpdateEntityAsync(new TableEntity(row.Office, key) { ["RaisedAt"] = now }, stored.Value.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private async Task WriteTimelineAsync(CaseRecordUpdate update, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        if (update.Filing is { } filing)
        {
            // A duplicate of the first write arriving after a transfer must not point the case back at the office it left.
            var existing = await _timeline.GetEntityIfExistsAsync<TableEntity>(update.CaseId, CaseRowKey, cancellationToken: cancellationToken);
            var pointer = new TableEntity(update.CaseId, CaseRowKey) { ["Office"] = existing.HasValue ? existing.Value!.GetString("Office") ?? update.Office : update.Office };
            Chunk(pointer, "Filing", CaseJson.Serialize(filing));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, pointer));
        }

        for (var i = 0; i < update.NewEntries.Count; i++)
        {
            var entry = update.NewEntries[i];
            actions.Add(new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(update.CaseId, EntryKey(update.FirstSequence + i)) { ["At"] = entry.At, ["Entry"] = CaseJson.Serialize(entry) }));
        }

        foreach (var batch in actions.Chunk(100))
        {
            await _timeline.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    private async Task WriteTimersAsync(CaseRecordUpdate update, CancellationToken cancellationToken)
    {
        var wanted = update.Timers.ToDictionary(t => DeadlineRowKey(update.CaseId, t), StringComparer.Ordinal);
        var actions = new List<TableTransactionAction>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {update.Office} and CaseId eq {update.CaseId}");
        await foreach (var row in _deadlines.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (!wanted.Remove(row.RowKey))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(update.Office, row.RowKey), ETag.All));
            }
        }

        foreach (var (key, timer) in wanted)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertMerge, TimerRow(update.Office, update.CaseId, timer)));
        }

        foreach (var batch in actions.Chunk(100))
        {
            try
            {
                await _deadlines.SubmitTransactionAsync(batch, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // A row to delete was deleted meanwhile (a duplicate of this write); apply the rest one by one.
                foreach (var action in batch)
                {
                    await ApplyOneAsync(action, cancellationToken);
                }
            }
        }
    }

    /// <summary>The open-deadlines row of one running timer (partition: the office; row: due instant, case, key).</summary>
    internal static TableEntity TimerRow(string office, string caseId, CaseTimerRow timer) => new(office, DeadlineRowKey(caseId, timer))
    {
        ["CaseId"] = caseId,
        ["Key"] = timer.Key,
        ["DueAt"] = timer.DueAt,
        ["IsDeadline"] = timer.Deadline is not null,
        ["Timer"] = CaseJson.Serialize(timer),
    };

    private async Task ApplyOneAsync(TableTransactionAction action, CancellationToken cancellationToken)
    {
        if (action.ActionType == TableTransactionActionType.Delete)
        {
            await _deadlines.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
        }
        else
        {
            await _deadlines.UpsertEntityAsync((TableEntity)action.Entity, TableUpdateMode.Merge, cancellationToken);
        }
    }

    private static CaseStatus ReadStatus(TableEntity row) => CaseJson.Deserialize<CaseStatus>(Unchunk(row, "Status"))!;

    private static OpenCaseDeadline ReadDeadline(TableEntity row) => new(
        row.GetString("CaseId"),
        row.PartitionKey,
        CaseJson.Deserialize<CaseTimerRow>(row.GetString("Timer"))!,
        row.GetDateTimeOffset("RaisedAt"));

    private static string EntryKey(int sequence) => EntryPrefix + sequence.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Due instant first, so an office's rows list in due order; then the case and the timer's key.</summary>
    private static string DeadlineRowKey(string caseId, CaseTimerRow timer) =>
        $"{timer.DueAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{caseId}|{timer.Key}";

    private static void Chunk(TableEntity entity, string name, string value)
    {
        var parts = value.Chunk(ChunkLength).Select(c => new string(c)).ToList();
        entity[name + "Parts"] = parts.Count;
        for (var i = 0; i < parts.Count; i++)
        {
            entity[name + i.ToString(CultureInfo.InvariantCulture)] = parts[i];
        }
    }

    private static string Unchunk(TableEntity entity, string name)
    {
        var count = entity.GetInt32(name + "Parts") ?? 0;
        return string.Concat(Enumerable.Range(0, count).Select(i => entity.GetString(name + i.ToString(CultureInfo.InvariantCulture))));
    }
}
