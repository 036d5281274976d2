using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

public sealed class CaseStageRulesTests
{
    [Theory]
    [InlineData(CaseStage.Received, CaseEvents.Withdraw)]
    [InlineData(CaseStage.Routing, CaseEvents.Withdraw)]
    [InlineData(CaseStage.Routing, CaseEvents.ProviderResponseSubmitted)]
    public void Events_sent_during_a_transient_stage_are_accepted_and_wait_for_the_next_stage(CaseStage stage, string eventName)
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
}
