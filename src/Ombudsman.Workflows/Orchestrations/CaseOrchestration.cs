using Microsoft.DurableTask;
using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// The case, intake to closure: one durable orchestration instance per case (instance id = case id). Its stages
/// are the process classes beside it, run in this instance rather than as sub-orchestrations, so every staff and
/// party event goes to the case id and any stage can be interrupted by a withdrawal.
/// </summary>
public sealed class CaseOrchestration : TaskOrchestrator<CaseFiling, CaseOutcome>
{
    /// <summary>
    /// The orchestrator's name. A change that would replay running cases differently ships under a new name
    /// ("Case2") registered beside this one, which running cases keep until they close (docs/CASES.md, "Versioning").
    /// </summary>
    public const string Name = "Case";

    public override async Task<CaseOutcome> RunAsync(TaskOrchestrationContext context, CaseFiling input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return await RunAsync(new CaseWorkflowContext(context, input));
    }

    /// <summary>The case from intake to closure, as the version that made <paramref name="wf"/> runs it.</summary>
    internal static async Task<CaseOutcome> RunAsync(CaseWorkflowContext wf)
    {
        var outcome = await RunCaseAsync(wf);
        await wf.RecordAsync(waiting: true);
        return outcome;
    }

    private static async Task<CaseOutcome> RunCaseAsync(CaseWorkflowContext wf)
    {
        try
        {
            await IntakeAsync(wf);
            await CompletenessCheckOrchestration.RunAsync(wf);
            var decisionDeadline = await RoutingOrchestration.RunAsync(wf);
            var result = await ExaminationOrchestration.RunAsync(wf, decisionDeadline);
            return result switch
            {
                { MediationAgreed: true } => await AfterAgreementAsync(wf),
                { Adjudication: { } adjudication } => await AfterAdjudicationAsync(wf, adjudication),
                _ => await AfterDecisionAsync(wf, result.Decision!),
            };
        }
        catch (CaseEndedException ended)
        {
            return await ClosureOrchestration.RunAsync(wf, ended.Reason, ended.Detail, ended.Actor, ended.Deadline);
        }
    }

    /// <summary>The precondition of a report: a prior complaint to the provider or its superior.</summary>
    private const string PriorComplaintRule = "O2";

    /// <summary>P4 receipt always; rule set pinned; P1 late filing flagged; O1 and O2 checked.</summary>
    private static async Task IntakeAsync(CaseWorkflowContext wf)
    {
        var complaint = wf.Complaint;
        wf.Status.ReceivedAt = wf.Now;
        wf.Record(CaseActor.System, $"Complaint received at {complaint.Office.Name} ({complaint.Path} path).", TimelineKind.Received);
        if (complaint.AssistedIntake is { } assisted)
        {
            wf.Record(
                assisted.ToActor(),
                $"Recorded by staff on the complainant's behalf ({complaint.Channel}); the complainant's consent: {assisted.ConsentNote}",
                visibility: TimelineVisibility.Staff);
        }

        // The case is listed and trackable from its first step, before the intake activities run.
        await wf.RecordAsync();
        var assessment = await wf.Orchestration.CallActivityAsync<IntakeAssessment>(
            CaseActivityNames.AssessComplaint, new IntakeRequest { Complaint = complaint, ReceivedAt = wf.Now });
        wf.Status.RuleSetVersion = assessment.RuleSetVersion;
        wf.Citations = assessment.Citations ?? wf.Citations;
        wf.StepRules = assessment.StepRules ?? wf.StepRules;
        wf.Counts = assessment.Counts ?? wf.Counts;
        wf.RecordStep(TimelineSteps.RuleSetPinned, CaseActor.System, $"Statute rule set {assessment.RuleSetVersion} pinned to the case.");
        await wf.NotifyAsync(
            NotificationTemplates.Receipt,
            NotificationRecipient.Complainant,
            "receipt",
            new Dictionary<string, string>
            {
                ["receivedAt"] = wf.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["description"] = complaint.Description,
                ["citation"] = wf.Cite("P4"),
            });
        wf.RecordStep(TimelineSteps.ReceiptIssued, CaseActor.System, $"Receipt issued to the complainant ({wf.Cite("P4")}).");

        if (assessment.FiledLate)
        {
            wf.Status.FiledLate = true;
            // The complainant is told too: how the filing window was counted is theirs to know.
            wf.RecordStep(TimelineSteps.FiledLate, CaseActor.System, $"Filed late, accepted and flagged for staff to decide: {assessment.Explanation}");
        }

        if (complaint.Path != Statute.ComplaintPath.Ombudsman)
        {
            return;
        }

        if (assessment.ReportTooLate)
        {
            throw new CaseEndedException(CaseClosedReason.Rejected, $"Reported after the time limit ({wf.Cite(Statute.ReportLimit.RuleId)}): {assessment.Explanation}", CaseActor.System);
        }

        if (complaint.PriorComplaint is { } prior)
        {
            wf.RecordStep(TimelineSteps.PriorComplaint, CaseActor.System, $"Prior complaint to the provider on {CaseWorkflowContext.Iso(prior.FiledOn)}: {prior.Outcome} ({wf.Cite(PriorComplaintRule)}).");
        }
        else if (complaint.PriorComplaintOverride is { } overridden)
        {
            wf.RecordStep(
                TimelineSteps.PriorComplaintOverridden,
                overridden.DecidedBy,
                $"No prior complaint to the provider; precondition of {wf.Cite(PriorComplaintRule)} overridden: {overridden.Reason}",
                visibility: TimelineVisibility.Staff);
        }
        else
        {
            throw new CaseEndedException(
                CaseClosedReason.Rejected, $"No prior complaint to the provider or its superior ({wf.Cite(PriorComplaintRule)}) and no recorded override.", CaseActor.System);
        }
    }

    private static async Task<CaseOutcome> AfterAgreementAsync(CaseWorkflowContext wf)
    {
        await AgreementMonitoringOrchestration.RunAsync(wf);
        return await ClosureOrchestration.RunAsync(wf, CaseClosedReason.Resolved, "Settled by agreement in mediation or conciliation; the agreement was carried out.", CaseActor.System);
    }

    private static async Task<CaseOutcome> AfterAdjudicationAsync(CaseWorkflowContext wf, CaseAction adjudication)
    {
        await CompensationPaymentOrchestration.RunAsync(wf, adjudication, "O12");
        return await ClosureOrchestration.RunAsync(wf, CaseClosedReason.Resolved, "Compensation set by special adjudication was paid.", CaseActor.System);
    }

    private static async Task<CaseOutcome> AfterDecisionAsync(CaseWorkflowContext wf, CaseAction decision)
    {
        await DecisionAndDeliveryOrchestration.DeliverAsync(wf, decision);
        if (wf.IsProviderPath && decision.CompensationAmount is not null)
        {
            await CompensationPaymentOrchestration.RunAsync(wf, decision, "P10");
            return await ClosureOrchestration.RunAsync(wf, CaseClosedReason.Resolved, "Decided; the compensation was paid.", CaseActor.System);
        }

        if (!wf.IsProviderPath && decision.CorrectiveActions is { Count: > 0 })
        {
            await RecommendationMonitoringOrchestration.RunAsync(wf, decision);
            return await ClosureOrchestration.RunAsync(wf, CaseClosedReason.Resolved, "Corrective actions or recommendation carried out.", CaseActor.System);
        }

        return await ClosureOrchestration.RunAsync(wf, CaseClosedReason.Decided, "Decided and delivered.", CaseActor.System);
    }
}
