using System.Globalization;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// Examination (UU 25/2009 art. 47-49; UU 37/2008 art. 28-31): provider response, evidence the provider must hand
/// over (P3), clarification requests with their deadline and one second request (O5), the summons count with the flag
/// once as many are missed as the rule set's O6 counts to, the offer of mediation (O7) and mediation on request, the
/// draft result the reporter may answer (O8), special adjudication on request after mediation failed (O12), and the
/// decision or final result, or the examination stopped (O9). The provider path's decision deadline (P8) runs throughout.
/// </summary>
internal static class ExaminationOrchestration
{
    public static async Task<ExaminationResult> RunAsync(CaseWorkflowContext wf, CaseTimer? decisionDeadline)
    {
        wf.Enter(CaseStage.Examination);
        CaseTimer? clarification = null;
        CaseTimer? evidence = null;
        CaseTimer? draft = null;
        while (true)
        {
            var signal = await wf.WaitAsync();
            if (signal.Expired is { } expired && expired == clarification)
            {
                clarification = await ClarificationUnansweredAsync(wf, expired);
                continue;
            }

            if (signal.Expired is { } unanswered && unanswered == draft)
            {
                draft = null;
                wf.RecordStep(TimelineSteps.DraftResultUnanswered, CaseActor.System, $"No response to the draft result ({unanswered.Deadline!.Citation}): the final result may be issued.");
                await wf.NotifyAsync(
                    NotificationTemplates.StaffEscalation,
                    NotificationRecipient.Staff,
                    unanswered.Key,
                    new Dictionary<string, string> { ["consequence"] = "no response to the draft result: issue the final result" },
                    unanswered.Deadline);
                continue;
            }

            switch (signal.EventName)
            {
                case CaseEvents.ProviderResponseSubmitted:
                    if (clarification is not null)
                    {
                        wf.Complete(clarification);
                        clarification = null;
                        wf.RecordStep(TimelineSteps.ClarificationAnswered, CaseActor.System, $"Clarification answered ({wf.Cite(ClarificationRule)}).");
                    }

                    if (wf.DailyProviderResponseDigest)
                    {
                        wf.ProviderResponseArrived();
                        break;
                    }

                    await wf.NotifyAsync(
                        NotificationTemplates.ProviderResponseReceived,
                        NotificationRecipient.Complainant,
                        $"provider-response-{wf.Status.Timeline.Count}");
                    break;

                case CaseEvents.EvidenceRequested when evidence is null:
                    evidence = await wf.StartDeadlineAsync("P3", "evidence-request", async t =>
                    {
                        evidence = null;
                        await wf.OverdueAsync(t, "documents not handed over to the complainant in time", escalate: false);
                        await wf.NotifyAsync(NotificationTemplates.ProviderOverdue, NotificationRecipient.Provider, t.Key, deadline: t.Deadline);
                    });
                    await wf.NotifyAsync(
                        NotificationTemplates.ProviderReminder,
                        NotificationRecipient.Provider,
                        evidence.Key,
                        new Dictionary<string, string> { ["request"] = "evidence request", ["documents"] = signal.Action!.Note ?? "" },
                        evidence.Deadline);
                    break;

                case CaseEvents.EvidenceProvided:
                    wf.Complete(evidence);
                    evidence = null;
                    break;

                case CaseEvents.DraftResultIssued when draft is null:
                    draft = await wf.StartDeadlineAsync("O8", "draft-result-response");
                    await wf.NotifyAsync(
                        NotificationTemplates.DraftResult,
                        NotificationRecipient.Complainant,
                        draft.Key,
                        new Dictionary<string, string> { ["draft"] = signal.Action!.Note ?? "" },
                        draft.Deadline);
                    break;

                case CaseEvents.DraftResultResponse:
                    wf.Complete(draft);
                    draft = null;
                    break;

                case CaseEvents.EvidenceRequested or CaseEvents.DraftResultIssued:
                    wf.RecordStep(TimelineSteps.AlreadyRunning, CaseActor.System, $"'{signal.EventName}' is already running; no new deadline started.");
                    break;

                case CaseEvents.ClarificationRequested when clarification is null:
                    clarification = await RequestClarificationAsync(wf, isSecond: false);
                    break;

                case CaseEvents.ClarificationRequested:
                    wf.RecordStep(TimelineSteps.AlreadyRunning, CaseActor.System, "A clarification request is already running; no new one started.");
                    break;

                case CaseEvents.SummonsMissed:
                    await SummonsMissedAsync(wf);
                    break;

                case CaseEvents.MediationRequested:
                    // Deadlines whose expiry examination handles itself stop here; mediation only waits for its own.
                    wf.Complete(clarification);
                    clarification = null;
                    wf.Complete(draft);
                    draft = null;
                    var mediation = await MediationOrchestration.RunAsync(wf);
                    if (mediation == MediationResult.Agreed)
                    {
                        // The agreement settles the matter: what is monitored now is the agreement (O7A), not a decision.
                        wf.Complete(evidence);
                        wf.Complete(decisionDeadline);
                        return new ExaminationResult { MediationAgreed = true };
                    }

                    // Special adjudication is the Ombudsman's (PO 31/2018) and starts when it is requested, not when mediation
                    // failed: O12 counts from the request. On the provider path compensation is part of the decision (P10),
                    // which stays due.
                    if (wf.Complaint.CompensationClaim is not null && !wf.IsProviderPath)
                    {
                        wf.Status.AdjudicationMayBeRequested = true;
                        wf.RecordStep(
                            TimelineSteps.AdjudicationAvailable,
                            CaseActor.System,
                            $"Mediation failed on a report claiming compensation: special adjudication may be requested ({await wf.CitationAsync("O12")}); it is counted from the request.");
                    }

                    wf.Enter(CaseStage.Examination);
                    break;

                case CaseEvents.AdjudicationRequested:
                    wf.Status.AdjudicationMayBeRequested = false;
                    wf.Complete(evidence);
                    wf.Complete(draft);
                    wf.Complete(clarification);
                    wf.Complete(decisionDeadline);
                    return new ExaminationResult { Adjudication = await SpecialAdjudicationOrchestration.RunAsync(wf) };

                case CaseEvents.MediationOffered:
                    await OfferMediationAsync(wf);
                    break;

                case CaseEvents.ExaminationStopped:
                    throw await StoppedAsync(wf, signal.Action!);

                case CaseEvents.DecisionIssued:
                    wf.Status.AdjudicationMayBeRequested = false;
                    wf.Complete(evidence);
                    wf.Complete(draft);
                    wf.Complete(clarification);
                    wf.Complete(decisionDeadline);
                    return new ExaminationResult { Decision = signal.Action };

                default:
                    break;
            }
        }
    }

    /// <summary>O7: the Ombudsman must offer mediation or conciliation; the offer notice goes to both parties, once.</summary>
    private static async Task OfferMediationAsync(CaseWorkflowContext wf)
    {
        wf.Status.MediationOffered = true;
        var citation = await wf.CitationAsync("O7");
        wf.RecordStep(TimelineSteps.MediationOffered, CaseActor.System, $"Mediation or conciliation offered to the parties ({citation}).");
        var offer = new Dictionary<string, string> { ["citation"] = citation };
        await wf.NotifyAsync(NotificationTemplates.MediationOffered, NotificationRecipient.Complainant, "mediation-offer", offer);
        await wf.NotifyAsync(NotificationTemplates.MediationOffered, NotificationRecipient.Provider, "mediation-offer", offer);
    }

    /// <summary>O9: the examination ends as stopped, with the reason from the list and staff's own words; the case closes.</summary>
    private static async Task<CaseEndedException> StoppedAsync(CaseWorkflowContext wf, CaseAction stop)
    {
        var reason = stop.StopReason!.Value;
        wf.Status.ExaminationStopReason = reason;
        var citation = await wf.CitationAsync("O9");
        var words = ExaminationStopReasons.Words(reason);
        wf.RecordStep(TimelineSteps.ExaminationStopped, CaseActor.System, $"Examination stopped ({citation}): {words}.");
        return new CaseEndedException(CaseClosedReason.ExaminationStopped, $"Examination stopped ({citation}): {words}. {stop.Note}", stop.Actor);
    }

    private static async Task<CaseTimer> RequestClarificationAsync(CaseWorkflowContext wf, bool isSecond)
    {
        wf.Status.ClarificationRequests++;
        var timer = await wf.StartDeadlineAsync(ClarificationRule, isSecond ? "clarification-second-request" : "clarification-request");
        await wf.NotifyAsync(
            isSecond ? NotificationTemplates.ProviderReminder : NotificationTemplates.ProviderNewCase,
            NotificationRecipient.Provider,
            timer.Key,
            new Dictionary<string, string> { ["request"] = isSecond ? "second clarification request" : "clarification request" },
            timer.Deadline);
        return timer;
    }

    /// <summary>O5 missed: treated as declining to answer; the first time a second request goes out, the second time the flag is set.</summary>
    private static async Task<CaseTimer?> ClarificationUnansweredAsync(CaseWorkflowContext wf, CaseTimer expired)
    {
        if (expired.Deadline!.Kind == "clarification-request")
        {
            wf.RecordStep(TimelineSteps.ClarificationUnanswered, CaseActor.System, $"Clarification not answered in time ({expired.Deadline.Citation}): treated as declining; second request sent, examination continues.");
            return await RequestClarificationAsync(wf, isSecond: true);
        }

        wf.Status.ClarificationDeclined = true;
        wf.RecordStep(TimelineSteps.SecondClarificationUnanswered, CaseActor.System, $"Second clarification request not answered ({expired.Deadline.Citation}): the reported party is taken to decline; examination continues.");
        await wf.NotifyAsync(
            NotificationTemplates.StaffEscalation,
            NotificationRecipient.Staff,
            expired.Key,
            new Dictionary<string, string> { ["consequence"] = "clarification declined after a second request" },
            expired.Deadline);
        return null;
    }

    private const string ClarificationRule = "O5";
    private const string SummonsRule = "O6";

    private static async Task SummonsMissedAsync(CaseWorkflowContext wf)
    {
        wf.Status.SummonsMissed++;
        var count = wf.Status.SummonsMissed.ToString(CultureInfo.InvariantCulture);
        wf.RecordStep(TimelineSteps.SummonsMissed, CaseActor.System, $"Summons missed: {count} so far ({wf.Cite(SummonsRule)}).");
        // The rule set says how many missed summonses let the Ombudsman ask the police to bring the person.
        var limit = wf.CountOf(SummonsRule);
        if (wf.Status.SummonsMissed >= limit && !wf.Status.ForcedAppearanceFlag)
        {
            wf.Status.ForcedAppearanceFlag = true;
            wf.RecordStep(
                TimelineSteps.ThirdSummonsMissed,
                CaseActor.System,
                $"Summons missed {limit.ToString(CultureInfo.InvariantCulture)} times: the Ombudsman may ask the police to bring the person ({wf.Cite(SummonsRule)}).");
            await wf.NotifyAsync(
                NotificationTemplates.StaffEscalation,
                NotificationRecipient.Staff,
                "summons-third-miss",
                new Dictionary<string, string> { ["consequence"] = $"summons missed {limit.ToString(CultureInfo.InvariantCulture)} times: forced appearance may be requested", ["citation"] = wf.Cite(SummonsRule), ["ruleId"] = SummonsRule });
        }
    }
}
