using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// PO 58/2023 art. 17: a report is handed to the regional office of the reported party's territory. The case keeps its
/// id (and so its receipt number) and history, moves to the receiving office's lists, its running deadlines keep their
/// last day, now ending in the receiving office's zone, and the complainant and the staff of both offices are told.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseTransferTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly TimeSpan Wit = TimeSpan.FromHours(9);

    private static CaseAction Transfer(string office, string? reason = "The reported party's office is in Jayapura.") =>
        By(Staff, reason) with { ReceivingOffice = office };

    [Fact] // PO 58/2023 art. 17: Jakarta (WIB) hands the report to Papua (WIT); O4 keeps 27 March as its last day, ending 23:59 WIT
    public async Task A_report_transferred_under_PO_58_2023_art_17_keeps_its_id_moves_office_and_keeps_its_last_day_in_the_new_zone()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 2, 1)).Build(), "JKT-20260302-TRANSFER01");
        var before = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        Assert.Equal(("O4", new DateOnly(2026, 3, 27), new DateTimeOffset(2026, 3, 28, 0, 0, 0, Wib)), (before.RuleId, before.DueDate, before.DueAt));

        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 10, 10, 0, 0, Wib));
        await host.ActAsync(id, CaseEvents.TransferOffice, Transfer("PAP"));

        var view = await host.Host.ViewAsync(id);
        var status = view.Status;
        Assert.Equal((id, "PAP", "WIT", CaseStage.CompletenessCheck), (status.CaseId, status.Office, status.OfficeTimeZone, status.Stage));
        Assert.Equal(("PAP", "Ombudsman RI Perwakilan Papua", "WIT"), (view.Complaint.Office.Code, view.Complaint.Office.Name, view.Complaint.Office.TimeZoneCode));

        // The remaining count continues: the same last day, which now ends at midnight in Jayapura, two hours earlier.
        var kept = Assert.Single(status.OpenDeadlines);
        Assert.Equal(("O4", new DateOnly(2026, 3, 27), new DateTimeOffset(2026, 3, 28, 0, 0, 0, Wit)), (kept.RuleId, kept.DueDate, kept.DueAt));
        Assert.EndsWith("transferred, the last day kept: ends 2026-03-27 23:59 WIT", kept.Explanation, StringComparison.Ordinal);
        var record = Assert.Single(status.Deadlines);
        Assert.Equal(kept.DueAt, record.DueAt);

        var entry = Assert.Single(status.Timeline, e => e.Step == TimelineSteps.Transferred);
        Assert.Contains("to Ombudsman RI Perwakilan Papua (PAP) (PO 58/2023 art. 17): The reported party's office is in Jayapura.", entry.What, StringComparison.Ordinal);
        Assert.Contains("O4 2026-03-27", entry.What, StringComparison.Ordinal);

        // The receiving office lists the case and its deadline; the sending office lists neither.
        Assert.Contains(await host.ReadModel.ListCasesAsync("PAP"), c => c.CaseId == id);
        Assert.DoesNotContain(await host.ReadModel.ListCasesAsync("JKT"), c => c.CaseId == id);
        var row = Assert.Single(await host.ReadModel.ListOpenDeadlinesAsync("PAP", CaseReadModel.Earliest, DateTimeOffset.UtcNow.AddYears(20)));
        Assert.Equal((id, kept.DueAt), (row.CaseId, row.Timer.DueAt));
        Assert.Empty(await host.ReadModel.ListOpenDeadlinesAsync("JKT", CaseReadModel.Earliest, DateTimeOffset.UtcNow.AddYears(20), includeTimers: true));
        Assert.Contains(await host.ReadModel.ListCaseFactsAsync("PAP"), f => f.CaseId == id && f.OfficeTimeZone == "WIT");

        // The complainant (same case, same receipt: no second receipt) and the staff of both offices are told.
        var told = host.Notifier.Single(NotificationTemplates.CaseTransferred, NotificationRecipient.Complainant);
        Assert.Equal(("PAP", "Perwakilan Jakarta Raya", "Ombudsman RI Perwakilan Papua", "PO 58/2023 art. 17"), (told.Office, told.Data["previousOffice"], told.Data["receivingOffice"], told.Data["citation"]));
        var offices = host.Notifier.Sent.Where(n => n.TemplateId == NotificationTemplates.CaseTransferred && n.Recipient == NotificationRecipient.Staff).Select(n => n.Office).Order(StringComparer.Ordinal);
        Assert.Equal(["JKT", "PAP"], offices);
        Assert.Single(host.Notifier.Sent, n => n.TemplateId == NotificationTemplates.Receipt);
        host.AssertEachStepNotifiedOnce();

        // The deadline passes at the end of 27 March in Jayapura (15:00 UTC), not in Jakarta (17:00 UTC).
        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 27, 23, 0, 0, Wit));
        Assert.False((await host.StatusAsync(id)).Overdue);
        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 28, 0, 0, 0, Wit));
        Assert.Equal(["O4"], (await host.StatusAsync(id)).OverdueRules);
        Assert.Equal("PAP", Assert.Single(host.Notifier.Sent, n => n.TemplateId == NotificationTemplates.StaffEscalation).Office);
    }

    [Fact] // PO 58/2023 art. 17: a suspended deadline is transferred too, and resumes counted in the receiving office's zone
    public async Task A_suspended_deadline_keeps_its_last_day_through_a_transfer_and_resumes_in_the_new_zone()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 2, 1)).Build());
        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 10, 10, 0, 0, Wib));
        await host.ActAsync(id, CaseEvents.SuspendDeadline, By(Staff) with { DeadlineRuleId = "O4", SuspensionReason = SuspensionReason.ForceMajeure });

        await host.ActAsync(id, CaseEvents.TransferOffice, Transfer("BAL"));
        var suspended = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        Assert.NotNull(suspended.Suspended);
        Assert.Equal((new DateOnly(2026, 3, 27), new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.FromHours(8))), (suspended.DueDate, suspended.DueAt));

        // Suspended 10 March, resumed 12 March: two working days (11 and 12 March) stood still.
        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(8)));
        await host.ActAsync(id, CaseEvents.ResumeDeadline, By(Staff) with { DeadlineRuleId = "O4" });
        var resumed = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        Assert.Equal(new DateOnly(2026, 3, 31), resumed.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(8)), resumed.DueAt);
        Assert.EndsWith("ends 2026-03-31 23:59 WITA", resumed.Explanation, StringComparison.Ordinal);
    }

    [Fact] // PO 58/2023 art. 17 concerns the Ombudsman's own offices; the reason and the office are required; an unknown office changes nothing
    public async Task A_transfer_needs_an_Ombudsman_report_a_reason_and_a_configured_other_office()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var provider = await host.FileAsync(new ComplaintBuilder().Build(), "case-provider");
        var onPath = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(provider, CaseEvents.TransferOffice, Transfer("PAP")));
        Assert.Equal(CaseActionRefusal.NotValidOnPath, onPath.Code);

        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 2, 1)).Build(), "case-report");
        var noReason = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.TransferOffice, Transfer("PAP", reason: null)));
        Assert.Equal(CaseActionRefusal.DetailsMissing, noReason.Code);

        // Past the commands' checks, straight on the engine: the case refuses an office it does not know, and its own.
        await host.Host.RaiseAsync(id, CaseEvents.TransferOffice, Transfer("XYZ"));
        await host.Host.RaiseAsync(id, CaseEvents.TransferOffice, Transfer("JKT"));
        var status = await host.StatusAsync(id);
        Assert.Equal(("JKT", "WIB"), (status.Office, status.OfficeTimeZone));
        Assert.Equal(2, status.Timeline.Count(e => e.Kind == TimelineKind.Refused && e.Event == CaseEvents.TransferOffice));
        Assert.DoesNotContain(host.Notifier.Sent, n => n.TemplateId == NotificationTemplates.CaseTransferred);
        Assert.Contains(await host.ReadModel.ListCasesAsync("JKT"), c => c.CaseId == id);
    }
}
