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

        var listed = Assert.Single(await readModel.ListOfficeCasesAsync(office, assignedTo: "jkt-examiner"));
        Assert.Equal(new CaseAssignee("jkt-examiner", "Budi"), listed.Assignee);
        Assert.Equal(CaseStage.Examination, listed.Status.Stage);
        Assert.Empty(await readModel.ListOfficeCasesAsync(office, assignedTo: "jkt-examiner-2"));

        Assert.True(await readModel.SetAssigneeAsync(office, "case-1", null));
        Assert.Null(Assert.Single(await readModel.ListOfficeCasesAsync(office)).Assignee);
        Assert.Empty(await readModel.ListOfficeCasesAsync(office, assignedTo: "jkt-examiner"));
        Assert.False(await readModel.SetAssigneeAsync(office, "no-such-case", new CaseAssignee("jkt-examiner", "Budi")));
    }

    [Fact]
    public async Task Open_cases_of_an_office_are_listed_without_its_closed_ones_or_another_offices()
    {
        var (readModel, _) = Create();
        await readModel.ApplyAsync(Listed("jkt-open", "JKT", CaseStage.Examination));
        await readModel.ApplyAsync(Listed("jkt-closed", "JKT", CaseStage.Closed));
        await readModel.ApplyAsync(Listed("bal-open", "BAL", CaseStage.Examination));

        Assert.Equal(["jkt-open"], (await readModel.ListOpenCasesAsync("JKT")).Select(c => c.Status.CaseId));
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

        var listed = await readModel.ListOpenCasesAsync("JKT");
        Assert.Equal(["jkt-long", "jkt-short"], listed.Select(c => c.Status.CaseId));
        Assert.Equal(keys, listed[0].Status.NotDeliveredNotifications);
        Assert.Equal(keys, (await readModel.ListCasesAsync("JKT", CaseStage.Examination))[0].NotDeliveredNotifications);
    }

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
