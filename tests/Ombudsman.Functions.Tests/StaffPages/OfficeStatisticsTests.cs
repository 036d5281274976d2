using Azure.Data.Tables;
using Ombudsman.Functions.StaffPages;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// The period's figures, counted from cases written through the read model (<see cref="StatisticsSeed"/>) and read
/// back as the statistics page reads them, against answers worked out by hand.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OfficeStatisticsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_office_report_counts_its_own_cases_of_the_period_by_channel_path_provider_type_reason_rule_and_age()
    {
        var readModel = await SeededAsync();

        var facts = await readModel.ListCaseFactsAsync("JKT");
        var report = OfficeStatistics.Compute(facts, StatisticsSeed.From, StatisticsSeed.To, StatisticsSeed.Now);

        Assert.DoesNotContain(facts, f => f.Office != "JKT");

        // Received 1-31 March WIB: JKT-01, 02, 03, 04, 05 (1 March 00:30 WIB) and 09; not JKT-06 (28 February 23:30 WIB).
        Assert.Equal(6, report.Received);
        Assert.Equal(
            [(IntakeChannel.Online, 3), (IntakeChannel.WalkIn, 2), (IntakeChannel.WhatsApp, 1), (IntakeChannel.Phone, 0), (IntakeChannel.Letter, 0), (IntakeChannel.Outreach, 0)],
            report.ByChannel.Select(p => (p.Key, p.Value)));
        Assert.Equal([(ComplaintPath.Provider, 5), (ComplaintPath.Ombudsman, 1)], report.ByPath.Select(p => (p.Key, p.Value)));
        Assert.Equal(
            [("Dinas Kependudukan", 3), ("Dinas Perhubungan", 1), ("Polres Jakarta", 1), ("RSUD Kota", 1)],
            report.ByProvider.Select(p => (p.Key, p.Value)));
        Assert.Equal(
            [(ProviderKind.ImplementingOfficer, 1), (ProviderKind.GovernmentUnit, 4), (ProviderKind.Corporation, 1)],
            report.ByProviderKind.Select(p => (p.Key, p.Value)));

        // Closed in March: JKT-01 resolved (10 days), 02 withdrawn (20), 07 deemed withdrawn (64), 09 rejected (1); not JKT-10.
        Assert.Equal(4, report.Closed);
        Assert.Equal(
            [
                (CaseClosedReason.Withdrawn, 1), (CaseClosedReason.DeemedWithdrawn, 1), (CaseClosedReason.Rejected, 1),
                (CaseClosedReason.NoAuthority, 0), (CaseClosedReason.Resolved, 1), (CaseClosedReason.Decided, 0),
                (CaseClosedReason.Referred, 0), (CaseClosedReason.Unresolved, 0), (CaseClosedReason.ExaminationStopped, 0),
            ],
            report.ClosedByReason.Select(p => (p.Key, p.Value)));
        Assert.Equal(new ClosureDays(4, 15.0, 64), report.DaysToClose);

        // Deadlines whose last day is in March: P5 met (01), late (02), running (04); O4 open and overdue (03); P8
        // past its last day, not raised yet (06); P9 met (08). Not counted: O5 and P6 (another party's time ran
        // out), P5 of 09 and P8 of 02 (ended with the case), P5 of 07 (January).
        Assert.Equal(
            [new RuleOnTime("O4", 0, 0, 1, 0), new RuleOnTime("P5", 1, 1, 0, 1), new RuleOnTime("P8", 0, 0, 1, 0), new RuleOnTime("P9", 1, 0, 0, 0)],
            report.OnTime);
        Assert.Equal([0.0, 0.5, 0.0, 1.0], report.OnTime.Select(o => o.Rate!.Value));

        // Open on 31 March: 04 completeness check (1 day), 05 routing (30), 03 examination (21), 06 examination (31), 08 mediation (120).
        var open = report.OpenByStage.ToDictionary(s => s.Key, s => s.Value);
        Assert.Equal(5, report.Open);
        Assert.Equal([1, 0, 0, 0, 0], open[CaseStage.CompletenessCheck]);
        Assert.Equal([0, 1, 0, 0, 0], open[CaseStage.Routing]);
        Assert.Equal([0, 1, 1, 0, 0], open[CaseStage.Examination]);
        Assert.Equal([0, 0, 0, 0, 1], open[CaseStage.Mediation]);
        Assert.Equal(0, open[CaseStage.Received].Sum() + open[CaseStage.CureWindow].Sum() + open[CaseStage.Delivery].Sum());
        Assert.DoesNotContain(CaseStage.Closed, open.Keys);
    }

    [Fact]
    public async Task The_report_of_all_offices_adds_the_other_offices_cases()
    {
        var readModel = await SeededAsync();

        var report = OfficeStatistics.Compute(await readModel.ListCaseFactsAsync(null), StatisticsSeed.From, StatisticsSeed.To, StatisticsSeed.Now);

        Assert.Equal(7, report.Received);
        Assert.Equal(1, report.ByChannel.Single(p => p.Key == IntakeChannel.Outreach).Value);
        Assert.Equal(("Dinas Kesehatan Bali", 1), report.ByProvider.Select(p => (p.Key, p.Value)).Single(p => p.Key == "Dinas Kesehatan Bali"));
        Assert.Equal(new RuleOnTime("P5", 1, 1, 1, 1), report.OnTime.Single(o => o.RuleId == "P5"));
        Assert.Equal(6, report.Open);
        Assert.Equal(4, report.Closed);
    }

    [Fact]
    public async Task An_empty_period_has_no_median_no_percentile_and_no_rate()
    {
        var readModel = await SeededAsync();

        var report = OfficeStatistics.Compute(await readModel.ListCaseFactsAsync("JKT"), new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30), StatisticsSeed.Now);

        Assert.Equal(0, report.Received);
        Assert.Equal(new ClosureDays(0, null, null), report.DaysToClose);
        Assert.Empty(report.OnTime);
        Assert.Equal(5, report.Open);
    }

    [Theory]
    [InlineData(new[] { 7 }, 7.0, 7)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 5.5, 9)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 6.0, 10)]
    public void Median_and_the_nearest_rank_90th_percentile(int[] sorted, double median, int p90)
    {
        Assert.Equal(median, OfficeStatistics.Median(sorted));
        Assert.Equal(p90, OfficeStatistics.Percentile(sorted, 90));
    }

    private async Task<CaseReadModel> SeededAsync()
    {
        var prefix = "s" + Guid.NewGuid().ToString("N")[..10];
        var names = new CaseReadModelNames { CasesTable = prefix + "Cases", TimelineTable = prefix + "Timeline", OpenDeadlinesTable = prefix + "Deadlines" };
        var readModel = new CaseReadModel(new TableServiceClient(azurite.ConnectionString), names);
        await StatisticsSeed.WriteAsync(readModel);
        return readModel;
    }
}
