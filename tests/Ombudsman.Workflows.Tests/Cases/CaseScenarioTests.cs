using Microsoft.DurableTask.Client;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// One scenario per path through the statute table (shared/domain/STATUTE.md), each naming the article it
/// proves; run on the Durable Task engine over Azure Storage through Azurite, the back end Durable Functions uses.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseScenarioTests(AzuriteFixture azurite)
{
    private static readonly DateOnly EventInJanuary = new(2026, 1, 10);

    private Task<CaseScenarioHost> HostAsync() => CaseScenarioHost.CreateAsync(azurite);

    [Fact] // UU 25/2009 art. 44 (receipt), art. 45(1) (14-day answer), art. 50(1) (60-day decision)
    public async Task Complaint_filed_and_declared_complete_at_once_is_routed_with_the_60_day_decision_deadline()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());

        var filed = await host.StatusAsync(id);
        Assert.Equal(CaseStage.CompletenessCheck, filed.Stage);
        Assert.Equal("2025.1", filed.RuleSetVersion);
        var answer = Assert.Single(filed.OpenDeadlines);
        Assert.Equal(("P5", new DateOnly(2026, 3, 16), "UU 25/2009 art. 45(1)"), (answer.RuleId, answer.DueDate, answer.Citation));
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 17, 0, 0, TimeSpan.Zero), answer.DueAt);
        Assert.Equal([NotificationTemplates.Receipt], host.Notifier.Templates(NotificationRecipient.Complainant));

        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));

        var complete = await host.StatusAsync(id);
        Assert.Equal(CaseStage.Examination, complete.Stage);
        var decision = Assert.Single(complete.OpenDeadlines);
        Assert.Equal(("P8", new DateOnly(2026, 5, 1), "UU 25/2009 art. 50(1)"), (decision.RuleId, decision.DueDate, decision.Citation));
        Assert.Contains("work unit", complete.RoutedTo, StringComparison.Ordinal);
        Assert.Equal([NotificationTemplates.Receipt, NotificationTemplates.FileCompleteRouted], host.Notifier.Templates(NotificationRecipient.Complainant));
        var newCase = host.Notifier.Single(NotificationTemplates.ProviderNewCase, NotificationRecipient.Provider);
        Assert.Equal(("2026-05-01", "UU 25/2009 art. 50(1)"), (newCase.Data["deadline"], newCase.Data["citation"]));
        Assert.False(complete.Overdue);

        var listed = await host.ReadModel.ListOpenDeadlinesAsync("JKT", CaseScenarioHost.Filing, CaseScenarioHost.Filing.AddDays(90));
        var pending = Assert.Single(listed);
        Assert.Equal(("P8", "UU 25/2009 art. 50(1)", id), (pending.Timer.Deadline!.RuleId, pending.Timer.Deadline.Citation, pending.CaseId));
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 25/2009 art. 45(2): the file cured on day 30 of the cure window is in time
    public async Task Incomplete_file_cured_on_day_30_goes_on_to_examination_after_both_reminders()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature", "copy of the service receipt"] });

        var incomplete = await host.StatusAsync(id);
        Assert.Equal(CaseStage.CureWindow, incomplete.Stage);
        var cure = Assert.Single(incomplete.OpenDeadlines);
        Assert.Equal(("P6", new DateOnly(2026, 4, 1), "UU 25/2009 art. 45(2)-(3)"), (cure.RuleId, cure.DueDate, cure.Citation));
        var told = host.Notifier.Single(NotificationTemplates.FileIncomplete, NotificationRecipient.Complainant);
        Assert.Equal(("2026-04-01", "signature; copy of the service receipt"), (told.Data["deadline"], told.Data["missingItems"]));

        // Reminders at 09:00 WIB 7 days and 1 day before the last day, 1 April: on 25 March and on 31 March.
        var wib = TimeSpan.FromHours(7);
        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 25, 8, 59, 0, wib));
        Assert.DoesNotContain(NotificationTemplates.CureReminder7Days, host.Notifier.Templates(NotificationRecipient.Complainant));
        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 25, 9, 0, 0, wib));
        Assert.Equal("2026-04-01", host.Notifier.Single(NotificationTemplates.CureReminder7Days, NotificationRecipient.Complainant).Data["deadline"]);
        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 31, 8, 59, 0, wib));
        Assert.DoesNotContain(NotificationTemplates.CureReminder1Day, host.Notifier.Templates(NotificationRecipient.Complainant));
        await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 31, 9, 0, 0, wib));
        host.Notifier.Single(NotificationTemplates.CureReminder1Day, NotificationRecipient.Complainant);
        Assert.Equal(CaseStage.CureWindow, (await host.StatusAsync(id)).Stage);
        await host.ActAsync(id, CaseEvents.CureSubmitted, By(TheComplainant, "signed form and receipt attached"));

        var cured = await host.StatusAsync(id);
        Assert.Equal(CaseStage.Examination, cured.Stage);
        Assert.Equal("P8", Assert.Single(cured.OpenDeadlines).RuleId);
        Assert.Equal(
            [
                NotificationTemplates.Receipt, NotificationTemplates.FileIncomplete, NotificationTemplates.CureReminder7Days,
                NotificationTemplates.CureReminder1Day, NotificationTemplates.FileCompleteRouted,
            ],
            host.Notifier.Templates(NotificationRecipient.Complainant));
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 25/2009 art. 45(3): not completed in 30 days, deemed withdrawn (dianggap mencabut)
    public async Task Incomplete_file_not_cured_in_30_days_is_deemed_withdrawn_on_day_31()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature"] });

        await host.AdvanceDaysAsync(30);
        Assert.Equal(CaseStage.CureWindow, (await host.StatusAsync(id)).Stage);
        await host.AdvanceDaysAsync(1);

        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.DeemedWithdrawn), (closed.Stage, closed.ClosedReason));
        Assert.Contains("UU 25/2009 art. 45(2)-(3)", closed.ClosedDetail, StringComparison.Ordinal);
        Assert.Empty(closed.OpenDeadlines);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, await host.RuntimeStatusAsync(id));
        Assert.Equal(NotificationTemplates.DeemedWithdrawn, host.Notifier.Templates(NotificationRecipient.Complainant)[^1]);
        Assert.Empty(await host.Host.AllOpenTimersAsync());
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 25/2009 art. 50(1)-(2), (9): decision on day 60, delivered with a copy on day 74, nothing overdue
    public async Task Provider_decides_on_day_60_and_delivers_on_day_74_without_anything_overdue()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));

        await host.AdvanceDaysAsync(60);
        await host.ActAsync(id, CaseEvents.DecisionIssued, By(Staff, "Certificate to be issued within 7 days."));
        var decided = await host.StatusAsync(id);
        Assert.Equal(CaseStage.Delivery, decided.Stage);
        var delivery = Assert.Single(decided.OpenDeadlines);
        Assert.Equal(("P9", new DateOnly(2026, 5, 15), "UU 25/2009 art. 50(2)"), (delivery.RuleId, delivery.DueDate, delivery.Citation));

        await host.AdvanceDaysAsync(14);
        await host.ActAsync(id, CaseEvents.DecisionDelivered, By(Staff));

        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.Decided), (closed.Stage, closed.ClosedReason));
        Assert.False(closed.Overdue);
        Assert.Empty(closed.OverdueRules);
        Assert.DoesNotContain(NotificationTemplates.StaffEscalation, host.Notifier.Templates(NotificationRecipient.Staff));
        Assert.Contains(NotificationTemplates.DecisionDelivered, host.Notifier.Templates(NotificationRecipient.Complainant));
        Assert.Equal([NotificationTemplates.ProviderNewCase, NotificationTemplates.ProviderReminder], host.Notifier.Templates(NotificationRecipient.Provider));
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 25/2009 art. 50(1): no decision in 60 days, escalation and the sanction track
    public async Task Decision_not_made_in_60_days_is_flagged_overdue_and_escalated()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));

        await host.AdvanceDaysAsync(60);
        Assert.False((await host.StatusAsync(id)).Overdue);
        await host.AdvanceDaysAsync(1);

        var overdue = await host.StatusAsync(id);
        Assert.Equal(CaseStage.Examination, overdue.Stage);
        Assert.True(overdue.Overdue && overdue.Escalated);
        Assert.Equal(["P8"], overdue.OverdueRules);
        Assert.Empty(overdue.OpenDeadlines);
        var escalation = host.Notifier.Single(NotificationTemplates.StaffEscalation, NotificationRecipient.Staff);
        Assert.Equal(("P8", "UU 25/2009 art. 50(1)"), (escalation.Data["ruleId"], escalation.Data["citation"]));
        Assert.Contains(NotificationTemplates.ProviderOverdue, host.Notifier.Templates(NotificationRecipient.Provider));

        await host.ActAsync(id, CaseEvents.DecisionIssued, By(Staff, "late decision"));
        Assert.Equal(CaseStage.Delivery, (await host.StatusAsync(id)).Stage);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 25/2009 art. 46(5): mediation agreed, the agreement monitored (O7A), case resolved
    public async Task Mediation_agreed_cancels_the_decision_deadline_and_resolves_the_case_once_the_agreement_is_carried_out()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.MediationRequested, By(TheComplainant));

        var mediating = await host.StatusAsync(id);
        Assert.Equal(CaseStage.Mediation, mediating.Stage);
        Assert.Equal(["O7", "P8"], mediating.OpenDeadlines.Select(d => d.RuleId).Order());
        host.Notifier.Single(NotificationTemplates.MediationScheduled, NotificationRecipient.Complainant);
        host.Notifier.Single(NotificationTemplates.MediationScheduled, NotificationRecipient.Provider);

        await host.AdvanceDaysAsync(10);
        await host.ActAsync(id, CaseEvents.MediationOutcome, By(Staff) with { MediationResult = MediationResult.Agreed });
        var monitoring = await host.StatusAsync(id);
        Assert.Equal((CaseStage.AgreementMonitoring, "O7A"), (monitoring.Stage, Assert.Single(monitoring.OpenDeadlines).RuleId));
        await host.ActAsync(id, CaseEvents.AgreementCarriedOut, By(Staff));

        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.Resolved), (closed.Stage, closed.ClosedReason));
        Assert.Empty(await host.Host.AllOpenTimersAsync());
        Assert.Equal("Agreed", host.Notifier.Single(NotificationTemplates.MediationOutcome, NotificationRecipient.Complainant).Data["result"]);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 25/2009 art. 50(5)-(7), PO 31/2018: failed mediation with a compensation claim goes to special adjudication on request
    public async Task Failed_mediation_goes_to_special_adjudication_on_request_and_compensation_paid_in_time_resolves_the_case()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(EventInJanuary).ClaimingCompensation(5_000_000).Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.MediationRequested, By(TheComplainant));
        await host.ActAsync(id, CaseEvents.MediationOutcome, By(Staff) with { MediationResult = MediationResult.AnotherRound });
        Assert.Equal(2, (await host.StatusAsync(id)).MediationRounds);
        await host.ActAsync(id, CaseEvents.MediationOutcome, By(Staff) with { MediationResult = MediationResult.Failed });
        await host.ActAsync(id, CaseEvents.AdjudicationRequested, By(TheComplainant));

        var adjudicating = await host.StatusAsync(id);
        Assert.Equal(CaseStage.SpecialAdjudication, adjudicating.Stage);
        var decide = Assert.Single(adjudicating.OpenDeadlines);
        Assert.Equal(("O12", "UU 25/2009 art. 50(5)-(7); PO 31/2018"), (decide.RuleId, decide.Citation));

        await host.ActAsync(id, CaseEvents.AdjudicationDecision, By(Staff) with { CompensationAmount = 3_500_000, PaymentDueDate = new DateOnly(2026, 4, 30) });
        var paying = await host.StatusAsync(id);
        Assert.Equal((CaseStage.CompensationPayment, 3_500_000m), (paying.Stage, paying.CompensationAmount));
        var payment = Assert.Single(paying.OpenDeadlines);
        Assert.Equal(("O12", new DateOnly(2026, 4, 30)), (payment.RuleId, payment.DueDate));
        Assert.Equal("3500000", host.Notifier.Single(NotificationTemplates.CompensationSet, NotificationRecipient.Complainant).Data["amount"]);

        await host.AdvanceDaysAsync(20);
        await host.ActAsync(id, CaseEvents.PaymentConfirmed, By(TheComplainant, "received by bank transfer"));

        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.Resolved), (closed.Stage, closed.ClosedReason));
        Assert.False(closed.Overdue);
        host.Notifier.Single(NotificationTemplates.CompensationPaid, NotificationRecipient.Complainant);
        Assert.DoesNotContain(NotificationTemplates.CompensationOverdue, host.Notifier.Templates(NotificationRecipient.Complainant));
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 25/2009 art. 50(1), (3): on a complaint to the provider, compensation is part of the decision, not adjudicated
    public async Task Failed_mediation_on_a_complaint_to_the_provider_returns_to_examination_with_the_decision_still_due()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ClaimingCompensation(2_000_000).Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.MediationRequested, By(TheComplainant));
        await host.ActAsync(id, CaseEvents.MediationOutcome, By(Staff) with { MediationResult = MediationResult.Failed });

        var examining = await host.StatusAsync(id);
        Assert.Equal(CaseStage.Examination, examining.Stage);
        Assert.Equal("P8", Assert.Single(examining.OpenDeadlines).RuleId);
    }

    [Fact] // UU 25/2009 art. 50(3)-(4): unpaid compensation, reminder, escalation, referral to the Ombudsman
    public async Task Compensation_unpaid_by_the_deadline_in_the_decision_is_overdue_escalated_and_referred()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.DecisionIssued, By(Staff, "Refund travel costs.") with { CompensationAmount = 1_500_000, PaymentDueDate = new DateOnly(2026, 3, 20) });
        await host.ActAsync(id, CaseEvents.DecisionDelivered, By(Staff));

        var paying = await host.StatusAsync(id);
        Assert.Equal(CaseStage.CompensationPayment, paying.Stage);
        var payment = Assert.Single(paying.OpenDeadlines);
        Assert.Equal(("P10", "UU 25/2009 art. 50(3)-(4)", new DateOnly(2026, 3, 20)), (payment.RuleId, payment.Citation, payment.DueDate));

        await host.AdvanceDaysAsync(19);
        var overdue = await host.StatusAsync(id);
        Assert.Equal(CaseStage.CompensationPayment, overdue.Stage);
        Assert.True(overdue.Overdue && overdue.Escalated && overdue.ReferredToOmbudsman);
        Assert.Equal(["P10"], overdue.OverdueRules);
        host.Notifier.Single(NotificationTemplates.CompensationOverdue, NotificationRecipient.Complainant);
        host.Notifier.Single(NotificationTemplates.ProviderReminder, NotificationRecipient.Provider);
        host.Notifier.Single(NotificationTemplates.StaffEscalation, NotificationRecipient.Staff);

        await host.ActAsync(id, CaseEvents.PaymentConfirmed, By(TheProvider, "paid late"));
        Assert.Equal(CaseClosedReason.Resolved, (await host.StatusAsync(id)).ClosedReason);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 37/2008 art. 24: a report more than 2 years after the event is rejected with reason
    public async Task Report_to_the_Ombudsman_older_than_2_years_is_rejected_with_reason_after_a_receipt()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2024, 2, 1)).Build());

        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.Rejected), (closed.Stage, closed.ClosedReason));
        Assert.Contains("UU 37/2008 art. 24", closed.ClosedDetail, StringComparison.Ordinal);
        Assert.Contains("late", closed.ClosedDetail, StringComparison.Ordinal);
        Assert.Equal([NotificationTemplates.Receipt, NotificationTemplates.CaseClosed], host.Notifier.Templates(NotificationRecipient.Complainant));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, await host.RuntimeStatusAsync(id));
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 37/2008 art. 24(1)(c): no prior complaint, accepted on a staff override with a recorded reason
    public async Task Report_without_prior_complaint_goes_ahead_on_a_recorded_staff_override()
    {
        await using var host = await HostAsync();
        var overridden = new PriorComplaintOverride { Reason = "The provider's complaint unit has been closed since January.", DecidedBy = Staff };
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(EventInJanuary).WithoutPriorComplaint(overridden).Build());

        var status = await host.StatusAsync(id);
        Assert.Equal(CaseStage.CompletenessCheck, status.Stage);
        Assert.Equal("O4", Assert.Single(status.OpenDeadlines).RuleId);
        var entry = Assert.Single(status.Timeline, e => e.What.Contains("overridden", StringComparison.Ordinal));
        Assert.Equal(Staff, entry.Actor);
        Assert.Contains(overridden.Reason, entry.What, StringComparison.Ordinal);
    }

    [Fact] // UU 37/2008 art. 24(1)(c): no prior complaint and no override, rejected
    public async Task Report_without_prior_complaint_or_override_is_rejected()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(EventInJanuary).WithoutPriorComplaint().Build());

        var closed = await host.StatusAsync(id);
        Assert.Equal(CaseClosedReason.Rejected, closed.ClosedReason);
        Assert.Contains("art. 24(1)(c)", closed.ClosedDetail, StringComparison.Ordinal);
    }

    [Fact] // UU 37/2008 art. 28-31: clarification unanswered twice, treated as declining; examination continues
    public async Task Clarification_unanswered_twice_is_taken_as_declining_and_examination_continues()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(EventInJanuary).Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.ClarificationRequested, By(Staff));
        var first = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        Assert.Equal(("O5", new DateOnly(2026, 3, 16), "UU 37/2008 art. 28-31"), (first.RuleId, first.DueDate, first.Citation));

        await host.AdvanceDaysAsync(15);
        var second = await host.StatusAsync(id);
        Assert.Equal((2, false), (second.ClarificationRequests, second.ClarificationDeclined));
        Assert.Equal(("O5", new DateOnly(2026, 3, 31)), (Assert.Single(second.OpenDeadlines).RuleId, second.OpenDeadlines[0].DueDate));
        Assert.Equal("second clarification request", host.Notifier.Single(NotificationTemplates.ProviderReminder, NotificationRecipient.Provider).Data["request"]);

        await host.AdvanceDaysAsync(15);
        var declined = await host.StatusAsync(id);
        Assert.True(declined.ClarificationDeclined);
        Assert.Equal(CaseStage.Examination, declined.Stage);
        Assert.Empty(declined.OpenDeadlines);
        Assert.Equal(OrchestrationRuntimeStatus.Running, await host.RuntimeStatusAsync(id));
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // PO 48/2020 practice (O8): no reply to the draft result in 14 days, the final result may be issued
    public async Task Draft_result_unanswered_in_14_days_lets_staff_issue_the_final_result()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(EventInJanuary).Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.DraftResultIssued, By(Staff, "Maladministration found: undue delay."));

        var draft = Assert.Single((await host.StatusAsync(id)).OpenDeadlines);
        Assert.Equal(("O8", new DateOnly(2026, 3, 16), "PO 48/2020 practice, kept as policy"), (draft.RuleId, draft.DueDate, draft.Citation));
        Assert.Equal("2026-03-16", host.Notifier.Single(NotificationTemplates.DraftResult, NotificationRecipient.Complainant).Data["deadline"]);

        await host.AdvanceDaysAsync(15);

        var status = await host.StatusAsync(id);
        Assert.Equal(CaseStage.Examination, status.Stage);
        Assert.Empty(status.OpenDeadlines);
        Assert.Contains(status.Timeline, e => e.What.Contains("No response to the draft result", StringComparison.Ordinal));
        host.Notifier.Single(NotificationTemplates.StaffEscalation, NotificationRecipient.Staff);
        Assert.False(status.Overdue);
    }

    [Fact] // UU 25/2009 art. 43: documents asked of the provider and not handed over in 14 days are flagged overdue
    public async Task Evidence_not_handed_over_in_14_days_is_flagged_overdue_and_handing_it_over_in_time_is_not()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.EvidenceRequested, By(TheComplainant, "copy of the application register"));
        Assert.Equal(["P3", "P8"], (await host.StatusAsync(id)).OpenDeadlines.Select(d => d.RuleId).Order());
        await host.AdvanceDaysAsync(5);
        await host.ActAsync(id, CaseEvents.EvidenceProvided, By(TheProvider));
        await host.ActAsync(id, CaseEvents.EvidenceRequested, By(TheComplainant, "copy of the fee receipt"));

        await host.AdvanceDaysAsync(15);

        var status = await host.StatusAsync(id);
        Assert.Equal((true, false), (status.Overdue, status.Escalated));
        Assert.Equal(["P3"], status.OverdueRules);
        Assert.Equal("UU 25/2009 art. 43", host.Notifier.Single(NotificationTemplates.ProviderOverdue, NotificationRecipient.Provider).Data["citation"]);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 37/2008 art. 31: the third missed summons flags a forced appearance
    public async Task Third_missed_summons_flags_forced_appearance()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(EventInJanuary).Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.SummonsMissed, By(Staff));
        await host.ActAsync(id, CaseEvents.SummonsMissed, By(Staff));
        Assert.False((await host.StatusAsync(id)).ForcedAppearanceFlag);

        await host.ActAsync(id, CaseEvents.SummonsMissed, By(Staff));

        var status = await host.StatusAsync(id);
        Assert.Equal((3, true), (status.SummonsMissed, status.ForcedAppearanceFlag));
        host.Notifier.Single(NotificationTemplates.StaffEscalation, NotificationRecipient.Staff);
    }

    [Fact] // PO 58/2023 art. 54 (30 working days, then resolution and monitoring), UU 37/2008 art. 38-39 (60 days, publication)
    public async Task Corrective_actions_not_done_lead_through_resolution_and_monitoring_to_a_recommendation_and_after_60_days_the_publication_flag()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(EventInJanuary).Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.DecisionIssued, By(Staff, "LHP") with { Maladministration = true, CorrectiveActions = ["issue the certificate"] });

        var corrective = await host.StatusAsync(id);
        Assert.Equal(CaseStage.CorrectiveActions, corrective.Stage);
        var o10 = Assert.Single(corrective.OpenDeadlines);
        // 30 working days from 2 March 2026, skipping weekends, Nyepi and Idul Fitri leave (18-24 March) and Good Friday (3 April).
        Assert.Equal(("O10", new DateOnly(2026, 4, 21), "PO 58/2023 art. 54"), (o10.RuleId, o10.DueDate, o10.Citation));
        host.Notifier.Single(NotificationTemplates.DecisionDelivered, NotificationRecipient.Provider);

        await host.AdvanceDaysAsync(51);
        Assert.Equal(CaseStage.ResolutionMonitoring, (await host.StatusAsync(id)).Stage);
        await host.ActAsync(id, CaseEvents.RecommendationIssued, By(Staff, "Recommendation to the superior"));
        var recommended = await host.StatusAsync(id);
        Assert.Equal(CaseStage.RecommendationMonitoring, recommended.Stage);
        var o11 = Assert.Single(recommended.OpenDeadlines);
        Assert.Equal(("O11", new DateOnly(2026, 6, 21), "UU 37/2008 art. 38-39"), (o11.RuleId, o11.DueDate, o11.Citation));
        Assert.False(recommended.PublicationFlag);
        host.Notifier.Single(NotificationTemplates.RecommendationIssued, NotificationRecipient.Provider);

        await host.AdvanceDaysAsync(61);
        var published = await host.StatusAsync(id);
        Assert.True(published.PublicationFlag && published.Escalated);
        Assert.Equal(["O10", "O11"], published.OverdueRules);
        Assert.Equal(CaseStage.RecommendationMonitoring, published.Stage);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // STATUTE.md stages: any stage -> closed, withdrawn by the complainant; nothing of the case fires afterwards
    public async Task Complainant_withdrawing_mid_examination_cancels_every_timer_and_nothing_fires_later()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(EventInJanuary).Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.ClarificationRequested, By(Staff));
        Assert.NotEmpty(await host.Host.AllOpenTimersAsync());

        await host.AdvanceDaysAsync(3);
        await host.ActAsync(id, CaseEvents.Withdraw, By(TheComplainant, "Settled with the provider directly."));

        var closed = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Closed, CaseClosedReason.Withdrawn), (closed.Stage, closed.ClosedReason));
        Assert.Empty(closed.OpenDeadlines);
        Assert.Empty(await host.Host.AllOpenTimersAsync());
        var sent = host.Notifier.Sent.Count;
        var timeline = closed.Timeline.Count;

        await host.AdvanceDaysAsync(100);

        Assert.Equal(sent, host.Notifier.Sent.Count);
        Assert.Equal(timeline, (await host.StatusAsync(id)).Timeline.Count);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, await host.RuntimeStatusAsync(id));
        host.AssertEachStepNotifiedOnce();
    }

    [Fact] // UU 25/2009 art. 42(1)-(2): a complaint filed after 30 days is accepted but flagged for staff
    public async Task Complaint_filed_after_30_days_is_accepted_and_flagged_late()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ServiceReceivedOn(new DateOnly(2026, 1, 15)).Build());

        var status = await host.StatusAsync(id);
        Assert.True(status.FiledLate);
        Assert.Equal(CaseStage.CompletenessCheck, status.Stage);
        Assert.Contains(status.Timeline, e => e.What.Contains("UU 25/2009 art. 42(1)-(2)", StringComparison.Ordinal));
    }

    [Fact] // UU 25/2009 art. 45(1): no completeness answer in 14 days, escalation to the head of unit
    public async Task Completeness_not_answered_in_14_days_is_escalated_and_the_check_still_waits()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());

        await host.AdvanceDaysAsync(15);

        var status = await host.StatusAsync(id);
        Assert.Equal((CaseStage.CompletenessCheck, true, true), (status.Stage, status.Overdue, status.Escalated));
        Assert.Equal(["P5"], status.OverdueRules);
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        Assert.Equal(CaseStage.Examination, (await host.StatusAsync(id)).Stage);
    }

    [Fact] // UU 25/2009 art. 42(5): a confidential complainant's identity never reaches the provider
    public async Task Confidential_complainant_is_not_named_to_the_provider()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Confidential().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));

        Assert.DoesNotContain("complainant", host.Notifier.Single(NotificationTemplates.ProviderNewCase, NotificationRecipient.Provider).Data.Keys);
        Assert.Equal("Siti Rahayu", host.Notifier.Single(NotificationTemplates.FileCompleteRouted, NotificationRecipient.Complainant).Data["complainant"]);
    }

    [Fact]
    public async Task An_event_that_races_a_stage_change_is_refused_in_the_timeline_and_changes_nothing()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());

        // Raised straight on the engine, as if CaseCommands had checked an older stage.
        await host.Host.RaiseAsync(id, CaseEvents.PaymentConfirmed, By(TheComplainant));

        var status = await host.StatusAsync(id);
        Assert.Equal(CaseStage.CompletenessCheck, status.Stage);
        Assert.Equal(OrchestrationRuntimeStatus.Running, await host.RuntimeStatusAsync(id));
        var refused = status.Timeline[^1];
        Assert.Equal(TheComplainant, refused.Actor);
        Assert.Contains(CaseActionRefusal.NotValidInStage, refused.What, StringComparison.Ordinal);
        Assert.Equal("P5", Assert.Single(status.OpenDeadlines).RuleId);

        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        Assert.Equal(CaseStage.Examination, (await host.StatusAsync(id)).Stage);
    }
}
