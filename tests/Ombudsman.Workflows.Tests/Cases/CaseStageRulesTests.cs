using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Orchestrations;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// The stage rules for the stages a case passes through on its own (received, routing): the table admits what a party
/// may already send then, and a case driven on the engine takes such an input in the stage that follows.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseStageRulesTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(CaseStage.Received, CaseEvents.Withdraw)]
    [InlineData(CaseStage.Routing, CaseEvents.Withdraw)]
    [InlineData(CaseStage.Routing, CaseEvents.ProviderResponseSubmitted)]
    public void The_rules_table_admits_these_events_while_the_case_is_in_a_passing_stage(CaseStage stage, string eventName)
    {
        var actor = eventName == CaseEvents.ProviderResponseSubmitted ? TheProvider : TheComplainant;

        Assert.Null(CaseStageRules.Check(stage, ComplaintPath.Provider, eventName, By(actor, "a reason")));
    }

    [Fact]
    public void A_decision_is_still_refused_while_the_case_is_routed()
    {
        var refusal = CaseStageRules.Check(CaseStage.Routing, ComplaintPath.Provider, CaseEvents.DecisionIssued, By(Staff, "decided"));

        Assert.Equal(CaseActionRefusal.NotValidInStage, refusal?.Code);
    }

    [Fact] // UU 25/2009: a complainant may withdraw at any open stage, even before the receipt's intake has finished
    public async Task A_withdrawal_sent_while_the_case_is_still_received_closes_it_once_intake_is_done()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var filing = new CaseFiling { Complaint = new ComplaintBuilder().Build(), ReceivedAt = CaseScenarioHost.Filing };

        await host.Host.StartAndRaiseAsync("case-w", filing, (CaseEvents.Withdraw, By(TheComplainant, "Sudah selesai.")));

        var status = await host.StatusAsync("case-w");
        Assert.Equal((CaseStage.Closed, CaseClosedReason.Withdrawn), (status.Stage, status.ClosedReason));
        Assert.Empty(status.OpenDeadlines);
        Assert.DoesNotContain(status.Timeline, e => e.Kind == TimelineKind.Refused);
    }

    [Fact]
    public async Task A_provider_response_sent_while_the_case_is_being_routed_is_taken_in_examination()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var filing = new CaseFiling { Complaint = new ComplaintBuilder().Build(), ReceivedAt = CaseScenarioHost.Filing };

        // The response is raised right behind the completeness decision, before the case has left routing.
        await host.Host.StartAndRaiseAsync(
            "case-r",
            filing,
            (CaseEvents.FileComplete, By(Staff)),
            (CaseEvents.ProviderResponseSubmitted, By(TheProvider, "Kami sudah memproses ulang permohonan.")));

        var status = await host.StatusAsync("case-r");
        Assert.Equal(CaseStage.Examination, status.Stage);
        Assert.Contains(status.Timeline, e => e is { Kind: TimelineKind.Action, Event: CaseEvents.ProviderResponseSubmitted } && e.Actor == TheProvider);
        Assert.DoesNotContain(status.Timeline, e => e.Kind == TimelineKind.Refused);
    }
}
