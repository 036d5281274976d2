using Microsoft.DurableTask.Client;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// The steps the statute names beyond the main path (shared/domain/STATUTE.md, "Stages" and rows O7, O9, O10, O12): the
/// offer of mediation, monitoring of an agreement, an examination stopped, resolution and monitoring before a
/// recommendation, adjudication counted from its request, and the closing reasons staff choose. Each names its article;
/// run on the Durable Task engine over Azurite like <see cref="CaseScenarioTests"/>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatuteStageScenarioTests(AzuriteFixture azurite)
{
    private static readonly DateOnly EventInJanuary = new(2026, 1, 10);

    private Task<CaseScenarioHost> HostAsync() => CaseScenarioHost.CreateAsync(azurite);

    private static async Task<string> ExaminingReportAsync(CaseScenarioHost host, ComplaintBuilder? report = null)
    {
        var id = await host.FileAsync((report ?? new ComplaintBuilder().ToOmbudsman(EventInJanuary)).Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        return id;
    }

    [Fact] // UU 25/2009 art. 46(5), 50(5) (O7): the Ombudsman must offer mediation or conciliation; the offer notice goes to both parties, once
    public async Task The_Ombudsmans_offer_of_mediation_is_sent_to_both_parties_with_its_article_and_only_once()
    {
        await using var host = await HostAsync();
        var id = await ExaminingReportAsync(host);

        await host.ActAsync(id, CaseEvents.MediationOffered, By(Staff));

        var offered = await host.StatusAsync(id);
        Assert.True(offered.MediationOffered);
        Assert.Equal(CaseStage.Examination, offered.Stage);
        var step = Assert.Single(offered.Timeline, e => e.Step == TimelineSteps.MediationOffered);
        Assert.Contains("UU 25/2009 art. 46(5), 50(5)", step.What, StringComparison.Ordinal);
        Assert.Equal(TimelineVisibility.Public, step.Visibility);
        var toComplainant = host.Notifier.Single(NotificationTemplates.MediationOffered, NotificationRecipient.Complainant);
        var toProvider = host.Notifier.Single(NotificationTemplates.MediationOffered, NotificationRecipient.Provider);
        Assert.Equal(("UU 25/2009 art. 46(5), 50(5)", "UU 25/2009 art. 46(5), 50(5)"), (toComplainant.Data["citation"], toProvider.Data["citation"]));

        var again = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.MediationOffered, By(Staff)));
        Assert.Equal(CaseActionRefusal.NotValidNow, again.Code);

        // The offer is the parties' to take up: a request starts mediation as before.
        await host.ActAsync(id, CaseEvents.MediationRequested, By(TheComplainant));
        Assert.Equal(CaseStage.Mediation, (await host.StatusAsync(id)).Stage);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 25/2009 art. 46(5), 50(5): the Ombudsman's offer is a step of the Ombudsman's examination, not of a complaint to the provider
    public async Task A_complaint_to_the_provider_takes_no_Ombudsman_offer_of_mediation()
    {
        await using var host = await HostAsync();
        var id = await ExaminingReportAsync(host, new ComplaintBuilder());

        var refused = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.MediationOffered, By(Staff)));

        Assert.Equal(CaseActionRefusal.NotValidOnPath, refused.Code);
        Assert.False((await host.StatusAsync(id)).MediationOffered);
    }

    [Fact] // UU 25/2009 art. 46(5) (O7A, office policy): an agreement is monitored until it is carried out, then the case is resolved
    public async Task Agreement_in_mediation_is_monitored_with_its_policy_deadline_and_resolved_when_carried_out()
    {
        await using var host = await HostAsync();
        var id = await ExaminingReportAsync(host);
        await host.ActAsync(id, CaseEvents.MediationRequested, By(TheComplainant));

        await host.ActAsync(id, CaseEvents.MediationOutcome, By(Staff) with { MediationResult = MediationResult.Agreed });

        var monitoring = await host.StatusAsync(id);
        Assert.Equal(CaseStage.AgreementMonitoring, monitoring.Stage);
        var o7a = Assert.Single(monitoring.OpenDeadlines);
        Assert.Equal(("O7A", new DateOnly(2026, 4, 1), "UU 25/2009 art. 46(5); PO 58/2023"), (o7a.RuleId, o7a.DueDate, o7a.Citation));
        var reminder = host.Notifier.Single(NotificationTemplates.ProviderReminder, NotificationRecipient.Provider);
        Assert.Equal(("agreement", "2026-04-01"), (reminder.Data["request"], reminder.Data["deadline"]));
        Assert.Equal("Agreed", host.Notifier.Single(NotificationTemplates.MediationOutcome, NotificationRecipient.Complainant).Data["result"]);

        await host.AdvanceDaysAsync(20);
        await host.ActAsync(id, CaseEvents.AgreementCarriedOut, By(TheProvider, "certificate issued as agreed"));

        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.Resolved), (closed.Stage, closed.ClosedReason));
        Assert.False(closed.Overdue);
        Assert.Contains(closed.Timeline, e => e.Step == TimelineSteps.AgreementCarriedOut);
        Assert.Empty(await host.Host.AllOpenTimersAsync());
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // O7A (office policy), STATUTE.md stages: an agreement not carried out is escalated; staff close the case as unresolved
    public async Task Agreement_not_carried_out_in_time_is_escalated_and_staff_close_the_case_as_unresolved()
    {
        await using var host = await HostAsync();
        var id = await ExaminingReportAsync(host);
        await host.ActAsync(id, CaseEvents.MediationRequested, By(TheComplainant));
        await host.ActAsync(id, CaseEvents.MediationOutcome, By(Staff) with { MediationResult = MediationResult.Agreed });

        await host.AdvanceDaysAsync(30);
        Assert.False((await host.StatusAsync(id)).Overdue);
        await host.AdvanceDaysAsync(1);

        var overdue = await host.StatusAsync(id);
        Assert.Equal((CaseStage.AgreementMonitoring, true, true), (overdue.Stage, overdue.Overdue, overdue.Escalated));
        Assert.Equal(["O7A"], overdue.OverdueRules);
        Assert.Equal("O7A", host.Notifier.Single(NotificationTemplates.StaffEscalation, NotificationRecipient.Staff).Data["ruleId"]);
        Assert.Equal("agreement", host.Notifier.Single(NotificationTemplates.ProviderOverdue, NotificationRecipient.Provider).Data["request"]);

        await host.ActAsync(id, CaseEvents.CloseCase, By(Staff, "The provider refuses to carry out the agreement.") with { ClosedReason = CaseClosedReason.Unresolved });

        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.Unresolved), (closed.Stage, closed.ClosedReason));
        Assert.Equal("The provider refuses to carry out the agreement.", closed.ClosedDetail);
        Assert.Equal("Unresolved", host.Notifier.Single(NotificationTemplates.CaseClosed, NotificationRecipient.Complainant).Data["reason"]);
        Assert.Empty(await host.Host.AllOpenTimersAsync());
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // PO 58/2023 (O9): the final result may be "examination stopped"; the case closes with the reason from the list recorded
    public async Task Examination_stopped_with_a_reason_closes_the_case_with_that_reason_and_cancels_its_deadlines()
    {
        await using var host = await HostAsync();
        var id = await ExaminingReportAsync(host);
        await host.ActAsync(id, CaseEvents.ClarificationRequested, By(Staff));
        Assert.NotEmpty(await host.Host.AllOpenTimersAsync());

        var noReason = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.ExaminationStopped, By(Staff, "court case")));
        Assert.Equal(CaseActionRefusal.DetailsMissing, noReason.Code);
        await host.ActAsync(id, CaseEvents.ExaminationStopped, By(Staff, "Case 12/Pdt.G/2026/PN Jkt.Pst is pending.") with { StopReason = ExaminationStopReason.BeforeCourt });

        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.ExaminationStopped, ExaminationStopReason.BeforeCourt), (closed.Stage, closed.ClosedReason, closed.ExaminationStopReason));
        Assert.Contains("PO 58/2023", closed.ClosedDetail, StringComparison.Ordinal);
        Assert.Contains("the same matter is before a court", closed.ClosedDetail, StringComparison.Ordinal);
        Assert.Contains("Case 12/Pdt.G/2026/PN Jkt.Pst is pending.", closed.ClosedDetail, StringComparison.Ordinal);
        Assert.Single(closed.Timeline, e => e.Step == TimelineSteps.ExaminationStopped);
        Assert.Contains(closed.Timeline, e => e.Event == CaseEvents.ExaminationStopped && e.Actor == Staff);
        Assert.Empty(closed.OpenDeadlines);
        Assert.Empty(await host.Host.AllOpenTimersAsync());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, await host.RuntimeStatusAsync(id));
        Assert.Equal("ExaminationStopped", host.Notifier.Single(NotificationTemplates.CaseClosed, NotificationRecipient.Complainant).Data["reason"]);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // PO 58/2023 art. 54 (O10, O10A): corrective actions overdue go to resolution and monitoring, where they may still be done
    public async Task Corrective_actions_done_during_resolution_and_monitoring_resolve_the_case_without_a_recommendation()
    {
        await using var host = await HostAsync();
        var id = await ExaminingReportAsync(host);
        await host.ActAsync(id, CaseEvents.DecisionIssued, By(Staff, "LHP") with { Maladministration = true, CorrectiveActions = ["issue the certificate"] });

        // O10 runs to 21 April 2026 (30 working days); it passes at the start of 22 April.
        await host.AdvanceDaysAsync(51);

        var following = await host.StatusAsync(id);
        Assert.Equal(CaseStage.ResolutionMonitoring, following.Stage);
        var o10a = Assert.Single(following.OpenDeadlines);
        Assert.Equal(("O10A", new DateOnly(2026, 5, 22), "PO 58/2023 art. 54"), (o10a.RuleId, o10a.DueDate, o10a.Citation));
        Assert.Equal(["O10"], following.OverdueRules);
        Assert.Contains(following.Timeline, e => e.Step == TimelineSteps.ResolutionMonitoring);
        Assert.DoesNotContain(NotificationTemplates.RecommendationIssued, host.Notifier.Templates(NotificationRecipient.Provider));

        await host.ActAsync(id, CaseEvents.CorrectiveActionsReported, By(TheProvider, "certificate issued"));

        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.Resolved), (closed.Stage, closed.ClosedReason));
        Assert.DoesNotContain(NotificationTemplates.RecommendationIssued, host.Notifier.Templates(NotificationRecipient.Provider));
        Assert.Empty(await host.Host.AllOpenTimersAsync());
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // PO 58/2023 art. 54 (O10A), UU 37/2008 art. 38-39 (O11): after resolution and monitoring, staff issue the recommendation
    public async Task Resolution_and_monitoring_without_result_is_escalated_and_the_recommendation_staff_issue_runs_60_days_from_its_issue()
    {
        await using var host = await HostAsync();
        var id = await ExaminingReportAsync(host);
        await host.ActAsync(id, CaseEvents.DecisionIssued, By(Staff, "LHP") with { Maladministration = true, CorrectiveActions = ["issue the certificate"] });
        await host.AdvanceDaysAsync(51);
        var early = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.RecommendationImplemented, By(TheProvider)));
        Assert.Equal(CaseActionRefusal.NotValidInStage, early.Code);

        await host.AdvanceDaysAsync(31);
        var escalated = await host.StatusAsync(id);
        Assert.Equal((CaseStage.ResolutionMonitoring, true), (escalated.Stage, escalated.Escalated));
        Assert.Equal(["O10", "O10A"], escalated.OverdueRules);
        Assert.Contains(host.Notifier.Sent, n => n.TemplateId == NotificationTemplates.StaffEscalation && n.Data["ruleId"] == "O10A");

        // 23 May 2026: the recommendation's 60 days run from its issue, to 22 July.
        await host.ActAsync(id, CaseEvents.RecommendationIssued, By(Staff, "Recommendation 5/2026 to the head of the land office"));

        var recommended = await host.StatusAsync(id);
        Assert.Equal(CaseStage.RecommendationMonitoring, recommended.Stage);
        var o11 = Assert.Single(recommended.OpenDeadlines);
        Assert.Equal(("O11", new DateOnly(2026, 7, 22), "UU 37/2008 art. 38-39"), (o11.RuleId, o11.DueDate, o11.Citation));
        host.Notifier.Single(NotificationTemplates.RecommendationIssued, NotificationRecipient.Provider);

        await host.ActAsync(id, CaseEvents.RecommendationImplemented, By(TheProvider));
        Assert.Equal(CaseClosedReason.Resolved, (await host.StatusAsync(id)).ClosedReason);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 25/2009 art. 50(5)-(7), PO 31/2018 (O12): special adjudication is counted from the request, not from the failed mediation
    public async Task Adjudication_requested_ten_days_after_mediation_failed_has_its_30_days_counted_from_the_request()
    {
        await using var host = await HostAsync();
        var id = await ExaminingReportAsync(host, new ComplaintBuilder().ToOmbudsman(EventInJanuary).ClaimingCompensation(5_000_000));
        var tooEarly = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.AdjudicationRequested, By(TheComplainant)));
        Assert.Equal(CaseActionRefusal.NotValidNow, tooEarly.Code);
        await host.ActAsync(id, CaseEvents.MediationRequested, By(TheComplainant));
        await host.ActAsync(id, CaseEvents.MediationOutcome, By(Staff) with { MediationResult = MediationResult.Failed });

        var failed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Examination, true), (failed.Stage, failed.AdjudicationMayBeRequested));
        Assert.DoesNotContain(failed.OpenDeadlines, d => d.RuleId == "O12");
        var available = Assert.Single(failed.Timeline, e => e.Step == TimelineSteps.AdjudicationAvailable);
        Assert.Contains("UU 25/2009 art. 50(5)-(7); PO 31/2018", available.What, StringComparison.Ordinal);

        // Requested on 12 March 2026: 30 days from the request end on 11 April.
        await host.AdvanceDaysAsync(10);
        await host.ActAsync(id, CaseEvents.AdjudicationRequested, By(TheComplainant, "I ask for adjudication of my compensation claim."));

        var adjudicating = await host.StatusAsync(id);
        Assert.Equal((CaseStage.SpecialAdjudication, false), (adjudicating.Stage, adjudicating.AdjudicationMayBeRequested));
        var o12 = Assert.Single(adjudicating.OpenDeadlines);
        Assert.Equal(("O12", new DateOnly(2026, 4, 11), "UU 25/2009 art. 50(5)-(7); PO 31/2018"), (o12.RuleId, o12.DueDate, o12.Citation));
        Assert.Equal(new DateOnly(2026, 3, 12), o12.CountedFrom);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 25/2009 art. 50(5): special adjudication decides compensation; without a claim it is not open after a failed mediation
    public async Task Adjudication_is_not_open_after_a_failed_mediation_on_a_report_claiming_no_compensation()
    {
        await using var host = await HostAsync();
        var id = await ExaminingReportAsync(host);
        await host.ActAsync(id, CaseEvents.MediationRequested, By(TheComplainant));
        await host.ActAsync(id, CaseEvents.MediationOutcome, By(Staff) with { MediationResult = MediationResult.Failed });

        var refused = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.AdjudicationRequested, By(TheComplainant)));

        Assert.Equal(CaseActionRefusal.NotValidNow, refused.Code);
        var status = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Examination, false), (status.Stage, status.AdjudicationMayBeRequested));
    }

    [Theory] // STATUTE.md stages, "any stage -> closed": staff close with Referred or Unresolved, never with a reason the case reaches by itself
    [InlineData(CaseClosedReason.Referred)]
    [InlineData(CaseClosedReason.Unresolved)]
    public async Task Staff_close_a_case_as_referred_or_unresolved_with_their_reason(CaseClosedReason reason)
    {
        await using var host = await HostAsync();
        var id = await ExaminingReportAsync(host);
        var decided = await Assert.ThrowsAsync<CaseActionRefusedException>(() =>
            host.ActAsync(id, CaseEvents.CloseCase, By(Staff, "done") with { ClosedReason = CaseClosedReason.Resolved }));
        Assert.Equal(CaseActionRefusal.DetailsMissing, decided.Code);

        await host.ActAsync(id, CaseEvents.CloseCase, By(Staff, "Handed to the Corruption Eradication Commission.") with { ClosedReason = reason });

        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, reason), (closed.Stage, closed.ClosedReason));
        Assert.Equal("Handed to the Corruption Eradication Commission.", closed.ClosedDetail);
        Assert.Equal(reason.ToString(), host.Notifier.Single(NotificationTemplates.CaseClosed, NotificationRecipient.Complainant).Data["reason"]);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, await host.RuntimeStatusAsync(id));
    }
}
