using Azure.Data.Tables;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>The read model's writes are idempotent: an activity retried after a crash, or a late duplicate, writes nothing twice.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseReadModelTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Filed = CaseScenarioHost.Filing;

    [Fact]
    public async Task The_same_update_applied_twice_writes_one_row_per_entry_and_one_case_row()
    {
        var (readModel, names) = Create();
        var update = Update(version: 1, entries: ["Complaint received.", "Stage: CompletenessCheck."], timers: [Timer("completeness-answer-1", Filed.AddDays(14))]);

        await readModel.ApplyAsync(update);
        await readModel.ApplyAsync(update);

        Assert.Equal(3, await CountAsync(names.TimelineTable));
        Assert.Equal(1, await CountAsync(names.CasesTable));
        Assert.Equal(1, await CountAsync(names.OpenDeadlinesTable));
        var view = await readModel.GetAsync("case-1");
        Assert.Equal(["Complaint received.", "Stage: CompletenessCheck."], view!.Status.Timeline.Select(e => e.What));
    }

    [Fact]
    public async Task An_older_write_arriving_after_a_newer_one_changes_nothing()
    {
        var (readModel, _) = Create();
        var first = Update(version: 1, entries: ["Complaint received."], timers: [Timer("completeness-answer-1", Filed.AddDays(14))]);
        var second = Update(version: 2, entries: ["file-complete"], timers: [Timer("decision-2", Filed.AddDays(60))], stage: CaseStage.Examination, firstSequence: 2, filing: false);

        await readModel.ApplyAsync(first);
        await readModel.ApplyAsync(second);
        await readModel.ApplyAsync(first);

        var view = await readModel.GetAsync("case-1");
        Assert.Equal(CaseStage.Examination, view!.Status.Stage);
        var open = await readModel.ListOpenDeadlinesAsync(null, CaseReadModel.Earliest, Filed.AddYears(1), includeTimers: true);
        Assert.Equal(["decision-2"], open.Select(d => d.Timer.Key));
    }

    [Fact]
    public async Task A_case_keeps_its_assignee_through_later_record_writes_and_lists_filter_by_it()
    {
        var (readModel, _) = Create();
        var first = Update(version: 1, entries: ["Complaint received."], timers: [Timer("completeness-answer-1", Filed.AddDays(14))]);
        var second = Update(version: 2, entries: ["file-complete"], timers: [Timer("decision-2", Filed.AddDays(60))], stage: CaseStage.Examination, firstSequence: 2, filing: false);
        await readModel.ApplyAsync(first);
        var office = first.Office;

        Assert.True(await readModel.SetAssigneeAsync(office, "case-1", new CaseAssignee("jkt-examiner", "Budi")));
        await readModel.ApplyAsync(second);

        var listed = Assert.Single(await readModel.ListCasesAsync(office, new CaseListQuery { AssignedTo = "jkt-examiner" }));
        Assert.Equal(new CaseAssignee("jkt-examiner", "Budi"), listed.Assignee);
        Assert.Equal(CaseStage.Examination, listed.Stage);
        Assert.Equal(new CaseAssignee("jkt-examiner", "Budi"), Assert.Single(await readModel.ListCaseStatusesAsync(office, new CaseListQuery())).Assignee);
        Assert.Empty(await readModel.ListCasesAsync(office, new CaseListQuery { AssignedTo = "jkt-examiner-2" }));
        Assert.Empty(await readModel.ListCasesAsync(office, new CaseListQuery { Unassigned = true }));

        Assert.True(await readModel.SetAssigneeAsync(office, "case-1", null));
        Assert.Null(Assert.Single(await readModel.ListCasesAsync(office, new CaseListQuery())).Assignee);
        Assert.Single(await readModel.ListCasesAsync(office, new CaseListQuery { Unassigned = true }));
        Assert.Empty(await readModel.ListCasesAsync(office, new CaseListQuery { AssignedTo = "jkt-examiner" }));
        Assert.False(await readModel.SetAssigneeAsync(office, "no-such-case", new CaseAssignee("jkt-examiner", "Budi")));
    }

    [Fact]
    public async Task Open_cases_of_an_office_are_listed_without_its_closed_ones_or_another_offices()
    {
        var (readModel, _) = Create();
        await readModel.ApplyAsync(Listed("jkt-open", "JKT", CaseStage.Examination));
        await readModel.ApplyAsync(Listed("jkt-closed", "JKT", CaseStage.Closed));
        await readModel.ApplyAsync(Listed("bal-open", "BAL", CaseStage.Examination));

        Assert.Equal(["jkt-open"], (await readModel.ListOpenCasesAsync("JKT")).Select(c => c.CaseId));
        Assert.Equal(["jkt-closed", "jkt-open"], (await readModel.ListCasesAsync("JKT")).Select(c => c.CaseId));
    }

    [Fact]
    public async Task A_status_longer_than_the_listed_columns_hold_is_listed_whole()
    {
        var (readModel, _) = Create();

        // About 200,000 characters of JSON: seven chunks of 30,000, more than a list reads by its columns.
        var keys = Enumerable.Range(0, 4000).Select(i => $"notification-{i:D5}-to-the-complainant-undelivered").ToList();
        var update = Listed("jkt-long", "JKT", CaseStage.Examination);
        update = update with { Status = update.Status with { NotDeliveredNotifications = keys } };
        await readModel.ApplyAsync(update);
        await readModel.ApplyAsync(Listed("jkt-short", "JKT", CaseStage.Examination));

        var listed = await readModel.ListCaseStatusesAsync("JKT", new CaseListQuery { EmailNotDelivered = true });
        Assert.Equal(["jkt-long"], listed.Select(c => c.Status.CaseId));
        Assert.Equal(keys, listed[0].Status.NotDeliveredNotifications);
        Assert.Equal(keys, (await readModel.ListCasesAsync("JKT", CaseStage.Examination))[0].NotDeliveredNotifications);
    }

    [Fact]
    public async Task A_listed_case_carries_the_deadline_to_look_at_first_and_the_table_service_applies_each_condition()
    {
        var (readModel, _) = Create();
        var late = Listed("jkt-late", "JKT", CaseStage.Examination);
        late = late with
        {
            Status = late.Status with
            {
                Channel = IntakeChannel.WalkIn,
                OverdueDeadlines = [Deadline("O6", "summons", Filed.AddDays(10))],
                OpenDeadlines = [Deadline("O10", "resolution-monitoring", Filed.AddDays(60))],
            },
        };
        var waiting = Listed("jkt-waiting", "JKT", CaseStage.CompletenessCheck);
        waiting = waiting with
        {
            Status = waiting.Status with
            {
                Path = ComplaintPath.Ombudsman,
                ReceivedAt = Filed.AddDays(3),
                EmailNotDelivered = true,
                NotDeliveredNotifications = ["jkt-waiting:1:receipt:Complainant"],
                OpenDeadlines =
                [
                    Deadline("O4", "completeness-answer", Filed.AddDays(14)),
                    Deadline("O3", "cure-window", Filed.AddDays(5)) with
                    {
                        Suspended = new DeadlineSuspension { Since = Filed.AddDays(1), SinceDate = DateOnly.FromDateTime(Filed.AddDays(1).UtcDateTime), Reason = SuspensionReason.ForceMajeure },
                    },
                ],
            },
        };
        await readModel.ApplyAsync(late);
        await readModel.ApplyAsync(waiting);
        await readModel.ApplyAsync(Listed("jkt-closed", "JKT", CaseStage.Closed));
        Assert.True(await readModel.SetAssigneeAsync("JKT", "jkt-late", new CaseAssignee("jkt-examiner", "Budi")));

        async Task<string[]> IdsAsync(CaseListQuery query) => [.. (await readModel.ListCasesAsync("JKT", query)).Select(c => c.CaseId)];

        var listed = (await readModel.ListCasesAsync("JKT", new CaseListQuery())).ToDictionary(c => c.CaseId);
        Assert.Equal(new ListedDeadline("O6", "summons", Filed.AddDays(10), DateOnly.FromDateTime(Filed.AddDays(10).UtcDateTime), Overdue: true), listed["jkt-late"].FirstDeadline);
        Assert.Equal(Filed.AddDays(60), listed["jkt-late"].NextDueAt);
        Assert.True(listed["jkt-late"].HasOverdueDeadline);
        Assert.Equal(IntakeChannel.WalkIn, listed["jkt-late"].Channel);

        // The earliest deadline is shown first even while its clock is stopped; the next to pass is the earliest running one.
        Assert.Equal("O3", listed["jkt-waiting"].FirstDeadline!.RuleId);
        Assert.False(listed["jkt-waiting"].FirstDeadline!.Overdue);
        Assert.Equal(Filed.AddDays(14), listed["jkt-waiting"].NextDueAt);
        Assert.True(listed["jkt-waiting"].EmailNotDelivered);
        Assert.Null(listed["jkt-closed"].FirstDeadline);
        Assert.Null(listed["jkt-closed"].NextDueAt);

        Assert.Equal(["jkt-late", "jkt-waiting"], await IdsAsync(new CaseListQuery { OpenOnly = true }));
        Assert.Equal(["jkt-waiting"], await IdsAsync(new CaseListQuery { Path = ComplaintPath.Ombudsman }));
        Assert.Equal(["jkt-late"], await IdsAsync(new CaseListQuery { Channel = IntakeChannel.WalkIn }));
        Assert.Equal(["jkt-late"], await IdsAsync(new CaseListQuery { OverdueAt = Filed.AddDays(1) }));
        Assert.Equal(["jkt-late", "jkt-waiting"], await IdsAsync(new CaseListQuery { OverdueAt = Filed.AddDays(14) }));
        Assert.Equal(["jkt-late"], await IdsAsync(new CaseListQuery { DueBy = Filed.AddDays(12) }));
        Assert.Equal(["jkt-late", "jkt-waiting"], await IdsAsync(new CaseListQuery { DueBy = Filed.AddDays(14) }));
        Assert.Equal(["jkt-waiting"], await IdsAsync(new CaseListQuery { EmailNotDelivered = true }));
        Assert.Equal(["jkt-waiting"], await IdsAsync(new CaseListQuery { ReceivedFrom = Filed.AddDays(1) }));
        Assert.Equal(["jkt-closed", "jkt-waiting"], await IdsAsync(new CaseListQuery { Unassigned = true }));
        Assert.Equal(["jkt-late"], await IdsAsync(new CaseListQuery { AssignedTo = "jkt-examiner", Stage = CaseStage.Examination }));
        Assert.True(listed["jkt-late"].IsOverdue(Filed));
        Assert.False(listed["jkt-waiting"].IsOverdue(Filed.AddDays(13)));
        Assert.True(listed["jkt-waiting"].IsOverdue(Filed.AddDays(14)));
    }

    [Fact]
    public async Task Statistics_from_a_day_read_open_cases_and_closed_ones_that_closed_or_had_a_deadline_fall_due_from_then_on()
    {
        var (readModel, _) = Create();
        var closed = Listed("jkt-closed", "JKT", CaseStage.Closed);
        closed = closed with
        {
            Status = closed.Status with
            {
                ClosedAt = Filed.AddDays(20),
                Deadlines = [new DeadlineRecord { Key = "decision-1", RuleId = "P7", DueAt = Filed.AddDays(40), DoneAt = Filed.AddDays(15) }],
            },
        };
        await readModel.ApplyAsync(closed);
        await readModel.ApplyAsync(Listed("jkt-open", "JKT", CaseStage.Examination));

        Assert.Equal(["jkt-closed", "jkt-open"], (await readModel.ListCaseFactsAsync("JKT", Filed.AddDays(30))).Select(f => f.CaseId));
        Assert.Equal(["jkt-closed", "jkt-open"], (await readModel.ListCaseFactsAsync(null, Filed.AddDays(40))).Select(f => f.CaseId));
        Assert.Equal(["jkt-open"], (await readModel.ListCaseFactsAsync("JKT", Filed.AddDays(41))).Select(f => f.CaseId));
        Assert.Equal(2, (await readModel.ListCaseFactsAsync("JKT")).Count);
    }

    [Fact]
    public async Task A_case_row_written_before_the_list_columns_is_listed_again_after_the_upgrade_and_a_second_upgrade_finds_nothing()
    {
        var (readModel, names) = Create();
        var update = Listed("jkt-old", "JKT", CaseStage.Examination);
        update = update with { Status = update.Status with { EmailNotDelivered = true, NotDeliveredNotifications = ["jkt-old:1:receipt:Complainant"] } };
        await readModel.ApplyAsync(update);
        Assert.True(await readModel.SetAssigneeAsync("JKT", "jkt-old", new CaseAssignee("jkt-examiner", "Budi")));

        // The row as an earlier version wrote it: no list columns.
        var table = new TableClient(azurite.ConnectionString, names.CasesTable);
        var row = (await table.GetEntityAsync<TableEntity>("JKT", "jkt-old")).Value;
        foreach (var column in new[] { "FirstRule", "FirstKind", "FirstDueAt", "FirstDueDate", "FirstOverdue", "NextDueAt", "EarliestDueAt", "HasOverdue", "EmailNotDelivered", "CountedUntil", "RowSchema" })
        {
            Assert.True(row.Remove(column), column);
        }

        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        Assert.Empty(await readModel.ListCasesAsync("JKT", new CaseListQuery { EmailNotDelivered = true }));

        Assert.Equal(1, await readModel.UpgradeRowsAsync());

        var listed = Assert.Single(await readModel.ListCasesAsync("JKT", new CaseListQuery { EmailNotDelivered = true }));
        Assert.Equal(new CaseAssignee("jkt-examiner", "Budi"), listed.Assignee);
        Assert.Single(await readModel.ListCaseFactsAsync("JKT", Filed.AddYears(5)));
        Assert.Equal(0, await readModel.UpgradeRowsAsync());
    }

    private static OpenDeadline Deadline(string rule, string kind, DateTimeOffset dueAt) => new()
    {
        RuleId = rule,
        Kind = kind,
        DueAt = dueAt,
        DueDate = DateOnly.FromDateTime(dueAt.UtcDateTime),
        Citation = "UU 25/2009",
    };

    private (CaseReadModel ReadModel, CaseReadModelNames Names) Create()
    {
        var prefix = "r" + Guid.NewGuid().ToString("N")[..10];
        var names = new CaseReadModelNames { CasesTable = prefix + "Cases", TimelineTable = prefix + "Timeline", OpenDeadlinesTable = prefix + "Deadlines" };
        return (new CaseReadModel(new TableServiceClient(azurite.ConnectionString), names), names);
    }

    private static CaseTimerRow Timer(string key, DateTimeOffset dueAt) => new() { Key = key, DueAt = dueAt };

    private static CaseRecordUpdate Update(
        int version, IReadOnlyList<string> entries, IReadOnlyList<CaseTimerRow> timers, CaseStage stage = CaseStage.CompletenessCheck, int firstSequence = 1, bool filing = true)
    {
        var complaint = new ComplaintBuilder().Build();
        return new CaseRecordUpdate
        {
            CaseId = "case-1",
            Office = complaint.Office.Code,
            Version = version,
            InputsHandled = version - 1,
            Waiting = true,
            Status = new CaseStatus { CaseId = "case-1", Stage = stage, Path = ComplaintPath.Provider, Office = complaint.Office.Code, OfficeTimeZone = "WIB" },
            FirstSequence = firstSequence,
            NewEntries = [.. entries.Select(e => new TimelineEntry { At = Filed, Actor = Staff, What = e })],
            Timers = timers,
            Filing = filing ? new CaseFiling { Complaint = complaint, ReceivedAt = Filed } : null,
        };
    }

    private static CaseRecordUpdate Listed(string caseId, string office, CaseStage stage) => new()
    {
        CaseId = caseId,
        Office = office,
        Version = 1,
        InputsHandled = 0,
        Waiting = true,
        Status = new CaseStatus { CaseId = caseId, Stage = stage, Path = ComplaintPath.Provider, Office = office, OfficeTimeZone = "WIB", ReceivedAt = Filed },
        FirstSequence = 1,
        NewEntries = [],
        Timers = [],
    };

    private async Task<int> CountAsync(string table)
    {
        var count = 0;
        await foreach (var _ in new TableClient(azurite.ConnectionString, table).QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }
}
