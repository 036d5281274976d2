using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Evidence;
using Ombudsman.Web;
using Ombudsman.Web.Pages.Tracking;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// The complainant's case page as the visitor reads it: the read model's case worded in the visitor's language, dates in
/// the office's zone with each deadline's last day stated inclusively, the public timeline and the complainant's own
/// files. Staff-internal entries and other parties' files never reach it.
/// </summary>
internal sealed partial class CasePages(CaseReader reader, EvidenceStore evidence, RuleSetCatalog ruleSets, TimeProvider time, IStringLocalizer<TrackingText> l, IStringLocalizer<ReceiptText> r)
{
    public async Task<CasePageModel?> BuildAsync(string caseId, CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(caseId, cancellationToken) is not { } filed)
        {
            return null;
        }

        var language = CultureInfo.CurrentUICulture.Name == "en" ? Language.English : Language.Indonesian;
        var zone = filed.Complaint.Office.TimeZone;
        var today = zone.DateOf(time.GetUtcNow());
        var status = filed.Status;
        var rules = filed.RuleSet(ruleSets);
        var path = filed.Complaint.Path;
        var stage = filed.Stage;
        var closed = stage == CaseStage.Closed;
        var elapsed = today.DayNumber - zone.DateOf(filed.ReceivedAt).DayNumber;
        var files = (await evidence.ListAsync(caseId, cancellationToken)).Where(r => r.Party == EvidenceParty.Complainant).ToList();
        var deadlines = (status?.OpenDeadlines ?? []).OrderBy(d => d.DueAt).Select(d => Deadline(d, today, zone, language)).ToList();
        var fileNames = files.ToDictionary(f => f.EvidenceId, f => f.OriginalName, StringComparer.Ordinal);
        var cureDeadline = stage == CaseStage.CureWindow ? status?.OpenDeadlines.FirstOrDefault(d => d.Kind == RuleSteps.CureWindow) : null;
        return new CasePageModel
        {
            CaseId = caseId,
            ReceiptNumber = filed.ReceiptNumber,
            Office = filed.Complaint.Office.Name,
            Stage = StageName(stage),
            WhatNext = WhatNext(stage, rules, path, language),
            WhoActs = WhoActs(stage),
            ReceivedAt = NotificationDates.DateTime(filed.ReceivedAt, zone, language),
            DaysElapsed = elapsed == 0 ? l["Case.ReceivedToday"].Value : Format(l["Case.DaysElapsed"], elapsed),
            FiledLate = status?.FiledLate ?? false,
            FilingWindow = rules[FilingWindow.RuleId].Duration is { } window ? StatuteWording.Duration(window, language) : "",
            Closed = closed,
            ClosedReason = status?.ClosedReason is { } reason ? ClosedReason(reason, rules, path, language) : null,
            Deadlines = deadlines,
            AwaitingReceipt = closed ? [] : AwaitingReceipt(status, staff: false),
            Timeline = [.. PublicTimeline.WithSources(status).Select(p => Entry(p.Source, p.Shown, status, zone, language, fileNames, filed.Complaint, rules))],
            Files = [.. files.Select(f => new FileItem(f.OriginalName, TrackingPages.Size(f.Size), NotificationDates.DateTime(f.UploadedAt, zone, language), Routes.CaseFile(caseId, f.EvidenceId)))],
            Cure = stage == CaseStage.CureWindow
                ? new CureForm(null, new Dictionary<string, string>())
                {
                    Deadline = cureDeadline is null ? null : Format(l["Cure.By"], NotificationDates.LastDay(cureDeadline.DueDate, zone, language)),
                }
                : null,
            Withdraw = closed ? null : new WithdrawForm(null, null),
        };
    }

    internal DeadlineView Deadline(Workflows.Cases.OpenDeadline deadline, DateOnly today, OfficeTimeZone zone, Language language)
    {
        var left = deadline.DueDate.DayNumber - today.DayNumber;
        var daysLeft = (left, deadline.Suspended) switch
        {
            // A clock that stands still has no countdown: its last day moves when it runs again.
            (_, { } suspended) => Format(l["Deadline.Suspended"], NotificationDates.LongDate(suspended.SinceDate, language), ReasonWords(suspended.Reason)),
            ( < 0, _) => Format(l["Deadline.Passed"], -left),
            (0, _) => (string)l["Deadline.LastDayToday"],
            _ => Format(l["Deadline.DaysLeft"], left),
        };
        return new DeadlineView(
            DeadlineWhat(deadline.Kind),
            Format(l["Deadline.LastDay"], NotificationDates.LastDay(deadline.DueDate, zone, language)),
            daysLeft,
            left < 0 && deadline.Suspended is null,
            $"{Citation(deadline.Citation, language)} ({deadline.RuleId})",
            HowCounted(deadline, zone, language));
    }

    /// <summary>
    /// How the last day was counted, worded from the facts the workflow recorded; a deadline recorded before those facts
    /// were kept is explained by its rule and last day only, never by the workflow's own (English) sentence.
    /// </summary>
    private string HowCounted(Workflows.Cases.OpenDeadline deadline, OfficeTimeZone zone, Language language)
    {
        var lastDay = NotificationDates.LastDay(deadline.DueDate, zone, language);
        if (deadline.SetInDecision)
        {
            return Format(l["Explain.SetInDecision"], lastDay);
        }

        if (deadline.Duration is not { } duration || deadline.CountedFrom is not { } from)
        {
            return Format(l["Explain.ByRule"], deadline.RuleId, lastDay);
        }

        var sentences = new List<string> { Format(l["Explain.Counted"], DurationWords(duration), NotificationDates.LongDate(from, language)) };
        if (deadline.CountedFromReceipt is { } receipt)
        {
            sentences.Add(Format(r["Explain.FromReceipt"], NotificationDates.LongDate(receipt.On, language), MeansWords(receipt.Means)));
        }

        if (duration.DayType == DayType.Working && duration.Unit != DurationUnit.Years)
        {
            sentences.Add(deadline.HolidaysSkipped + deadline.CollectiveLeaveSkipped == 0
                ? l["Explain.WeekendsSkipped"]
                : string.Format(CultureInfo.CurrentCulture, l["Explain.HolidaysSkipped"], deadline.HolidaysSkipped, deadline.CollectiveLeaveSkipped));
        }

        if (deadline.MovedToNextWorkingDay)
        {
            sentences.Add(l["Explain.Moved"]);
        }

        sentences.AddRange(deadline.Suspensions.Select(s => string.Format(
            CultureInfo.CurrentCulture,
            s.DayType == DayType.Working ? l["Explain.SuspendedWorking"] : l["Explain.SuspendedCalendar"],
            NotificationDates.LongDate(s.From, language),
            NotificationDates.LongDate(s.To, language),
            ReasonWords(s.Reason),
            s.Days)));
        sentences.AddRange(deadline.CalendarVersions.Select(v => v.Version == 0
            ? Format(l["Explain.Calendar"], v.Year)
            : string.Format(CultureInfo.CurrentCulture, l["Explain.CalendarAmended"], v.Year, v.Version)));
        if (deadline.ProvisionalYears.Count > 0)
        {
            sentences.Add(Format(l["Explain.Provisional"], string.Join(", ", deadline.ProvisionalYears)));
        }

        sentences.Add(Format(l["Explain.Ends"], lastDay));
        return string.Join(" ", sentences);
    }

    /// <summary>A statute citation as the reader says it: the rule set cites in English ("UU 25/2009 art. 50(1)"), an Indonesian reader says "pasal".</summary>
    internal static string Citation(string citation, Language language) => StatuteWording.Citation(citation, language);

    /// <summary>The rule of the cure window, whose passing deems the complaint withdrawn (as CompletenessCheckOrchestration starts it).</summary>
    private static string CureRule(RuleSet rules, ComplaintPath path) => rules.RuleFor(path, RuleSteps.CureWindow).Id;

    private string DurationWords(RuleDuration duration) => (duration.Unit, duration.DayType, duration.Amount) switch
    {
        (DurationUnit.Years, _, 1) => Format(l["Duration.Year"], 1),
        (DurationUnit.Years, _, var n) => Format(l["Duration.Years"], n),
        (_, DayType.Working, 1) => Format(l["Duration.WorkingDay"], 1),
        (_, DayType.Working, var n) => Format(l["Duration.WorkingDays"], n),
        (_, _, 1) => Format(l["Duration.CalendarDay"], 1),
        (_, _, var n) => Format(l["Duration.CalendarDays"], n),
    };

    private TimelineItem Entry(
        TimelineEntry source, PublicTimelineEntry shown, CaseStatus? status, OfficeTimeZone zone, Language language, IReadOnlyDictionary<string, string> fileNames, Complaint complaint, RuleSet rules)
    {
        var what = source.Kind switch
        {
            TimelineKind.Received => (string)l["Timeline.Received"],
            TimelineKind.Closed => (string)l["Timeline.Closed"],
            TimelineKind.Stage when StageEntered(source.What) is { } stage => Format(l["Timeline.Stage"], StageName(stage)),
            TimelineKind.Action when source.Event is { } name => ActionWords(name, source, shown, fileNames),
            TimelineKind.Deadline when DeadlineNamed().Match(source.What) is { Success: true } m =>
                Format(l["Timeline.DeadlineStarted"], $"{DeadlineWhat(m.Groups["kind"].Value)} ({m.Groups["rule"].Value})"),
            TimelineKind.DeadlinePassed when DeadlineNamed().Match(source.What) is { Success: true } m =>
                Format(l["Timeline.DeadlinePassed"], $"{DeadlineWhat(m.Groups["kind"].Value)} ({m.Groups["rule"].Value})"),
            TimelineKind.DeadlineSuspended when DeadlineNamed().Match(source.What) is { Success: true } m =>
                Format(l["Timeline.DeadlineSuspended"], $"{DeadlineWhat(m.Groups["kind"].Value)} ({m.Groups["rule"].Value})"),
            TimelineKind.DeadlineResumed when DeadlineNamed().Match(source.What) is { Success: true } m =>
                Format(l["Timeline.DeadlineResumed"], $"{DeadlineWhat(m.Groups["kind"].Value)} ({m.Groups["rule"].Value})"),
            TimelineKind.DeadlineMoved when DeadlineMovedFromTo().Match(source.What) is { Success: true } m => Format(
                l["Timeline.DeadlineMoved"], $"{DeadlineWhat(m.Groups["kind"].Value)} ({m.Groups["rule"].Value})", LongDate(m.Groups["from"].Value, language), LongDate(m.Groups["to"].Value, language)),
            _ when shown.Actor == CaseRole.System => StepWords(source, status, language, complaint, rules),
            _ => shown.What,
        };
        return new TimelineItem(NotificationDates.DateTime(shown.At, zone, language), Who(shown.Actor), what);
    }

    /// <summary>
    /// An action in plain words; the complainant's own note (what they sent) follows it, and the files they sent with it
    /// are named by their file names (the workflow records evidence ids, which mean nothing to a person).
    /// </summary>
    private string ActionWords(string eventName, TimelineEntry source, PublicTimelineEntry shown, IReadOnlyDictionary<string, string> fileNames)
    {
        var words = EventName(eventName);
        var prefix = eventName + ": ";
        if (source.Actor.Role != CaseRole.Complainant || !shown.What.StartsWith(prefix, StringComparison.Ordinal))
        {
            return words;
        }

        var note = shown.What[prefix.Length..];
        if (FilesSent().Match(note) is { Success: true } sent)
        {
            var names = sent.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(id => fileNames.GetValueOrDefault(id)).OfType<string>().ToList();
            var text = note[..sent.Index].TrimEnd();
            var files = names.Count > 0 ? Format(l["Timeline.FilesSent"], string.Join(", ", names)) : "";
            note = string.Join(" ", new[] { text, files }.Where(s => s.Length > 0));
        }

        return note.Length > 0 ? $"{words}: {note}" : words;
    }

    /// <summary>
    /// A step of the workflow in the visitor's language, worded from its code (<see cref="TimelineEntry.Step"/>). The
    /// workflow writes its steps in English for staff; an entry recorded before steps had codes is recognised by its
    /// sentence. A step with no wording of its own is named only as a step on an Indonesian page rather than shown in English.
    /// </summary>
    private string StepWords(TimelineEntry source, CaseStatus? status, Language language, Complaint complaint, RuleSet rules) => (source.Step ?? StepOf(source.What)) switch
    {
        TimelineSteps.ReceiptIssued => Format(l["Step.ReceiptIssued"], Citation(StatuteWording.Primary(rules[Receipt.RuleId].Citation), language)),
        TimelineSteps.FileComplete => l["Step.FileComplete"],

        // Whom the case went to is worded from the complaint, as RoutingOrchestration chose it.
        TimelineSteps.Routed => complaint.Provider.Kind switch
        {
            ProviderKind.ImplementingOfficer => Format(l["Step.RoutedToOfficersSuperior"], complaint.Provider.Name, Routing(rules, language)),
            ProviderKind.GovernmentUnit => Format(l["Step.RoutedToUnitsSuperior"], complaint.Provider.Name, Routing(rules, language)),
            _ => Format(l["Step.RoutedToMissionGiver"], complaint.Provider.Name, Routing(rules, language)),
        },
        TimelineSteps.Assigned => Format(l["Step.AssignedTo"], complaint.Office.Name),
        TimelineSteps.RuleSetPinned => Format(
            l["Step.RuleSetPinned"],
            RuleSetPinned().Match(source.What) is { Success: true } pinned ? pinned.Groups["version"].Value : status?.RuleSetVersion ?? ""),
        TimelineSteps.FiledLate => l["Step.FiledLate"],
        TimelineSteps.PriorComplaint => Format(l["Step.PriorComplaint"], Cite(rules, "O2", language)),
        TimelineSteps.DecisionDelivered => Format(l["Step.DecisionDelivered"], Cite(rules, "P9", language)),
        TimelineSteps.ReferredToOmbudsman => Format(l["Step.ReferredToOmbudsman"], Cite(rules, "P10", language)),
        TimelineSteps.CompensationPaid => l["Step.CompensationPaid"],
        TimelineSteps.CorrectiveActionsDone => l["Step.CorrectiveActionsDone"],
        TimelineSteps.RecommendationIssued => Format(l["Step.RecommendationIssued"], Cite(rules, "O11", language)),
        TimelineSteps.RecommendationImplemented => Format(l["Step.RecommendationImplemented"], Cite(rules, "O11", language)),
        TimelineSteps.MediationRoundFailed or TimelineSteps.MediationEnded => l["Step.Mediation"],
        TimelineSteps.ClarificationAnswered or TimelineSteps.ClarificationUnanswered or TimelineSteps.SecondClarificationUnanswered => l["Step.Clarification"],
        TimelineSteps.SummonsMissed or TimelineSteps.ThirdSummonsMissed => Format(l["Step.Summons"], Cite(rules, "O6", language)),
        TimelineSteps.MediationOffered => l["Step.MediationOffered"],
        TimelineSteps.AgreementCarriedOut => l["Step.AgreementCarriedOut"],
        TimelineSteps.ResolutionMonitoring => l["Step.ResolutionMonitoring"],
        TimelineSteps.AdjudicationAvailable => l["Step.AdjudicationAvailable"],
        TimelineSteps.ExaminationStopped when status?.ExaminationStopReason is { } stopped => Format(l["Step.ExaminationStopped"], StopReasonWords(stopped)),
        TimelineSteps.NoticeReceived when NoticeReceivedOn().Match(source.What) is { Success: true } received => Format(
            r["Step.NoticeReceived"],
            NotificationDates.LongDate(DateOnly.ParseExact(received.Groups["on"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), language),
            MeansWords(received.Groups["means"].Success ? received.Groups["means"].Value : NoticeReceipt.Email)),
        TimelineSteps.AwaitingReceipt => r["Step.AwaitingReceipt"],
        TimelineSteps.Transferred when TransferredTo().Match(source.What) is { Success: true } to => Format(l["Step.Transferred"], to.Groups["office"].Value, Cite(rules, "O13", language)),
        _ => language == Language.English ? source.What : l["Step.Other"],
    };

    /// <summary>The step an entry recorded before steps had codes stands for, recognised by the workflow's English sentence of the time.</summary>
    private static string? StepOf(string what) => what switch
    {
        _ when what.StartsWith("Receipt issued", StringComparison.Ordinal) => TimelineSteps.ReceiptIssued,
        "File complete." => TimelineSteps.FileComplete,
        _ when what.StartsWith("Routed to", StringComparison.Ordinal) => TimelineSteps.Routed,
        _ when what.StartsWith("Assigned to", StringComparison.Ordinal) => TimelineSteps.Assigned,
        _ when RuleSetPinned().IsMatch(what) => TimelineSteps.RuleSetPinned,
        _ when what.StartsWith("Filed late", StringComparison.Ordinal) => TimelineSteps.FiledLate,
        _ when what.StartsWith("Prior complaint to the provider", StringComparison.Ordinal) => TimelineSteps.PriorComplaint,
        _ when what.StartsWith("Decision delivered", StringComparison.Ordinal) => TimelineSteps.DecisionDelivered,
        _ when what.StartsWith("Referred to the Ombudsman", StringComparison.Ordinal) => TimelineSteps.ReferredToOmbudsman,
        _ when what.StartsWith("Compensation of", StringComparison.Ordinal) => TimelineSteps.CompensationPaid,
        _ when what.StartsWith("Corrective actions carried out", StringComparison.Ordinal) => TimelineSteps.CorrectiveActionsDone,
        _ when what.StartsWith("Recommendation issued", StringComparison.Ordinal) => TimelineSteps.RecommendationIssued,
        _ when what.StartsWith("Recommendation implemented", StringComparison.Ordinal) => TimelineSteps.RecommendationImplemented,
        _ when what.StartsWith("Mediation", StringComparison.Ordinal) => TimelineSteps.MediationEnded,
        _ when what.Contains("larification", StringComparison.Ordinal) => TimelineSteps.ClarificationAnswered,
        _ when what.Contains("ummons", StringComparison.Ordinal) => TimelineSteps.SummonsMissed,
        _ => null,
    };

    // The workflow records receipt as "The {template} notice was received on {date} (email accepted for delivery)" or "(delivered by {means}, …".
    [GeneratedRegex(@"received on (?<on>\d{4}-\d{2}-\d{2}) \((?:email|delivered by (?<means>[a-z-]+))")]
    private static partial Regex NoticeReceivedOn();

    /// <summary>
    /// The deadlines that wait for a notice's receipt (no clock runs yet), one sentence each: for the complainant, what
    /// waits; for staff, also what to do.
    /// </summary>
    internal IReadOnlyList<string> AwaitingReceipt(CaseStatus? status, bool staff) =>
        [.. (status?.AwaitingReceipt ?? []).Select(a => Format(staff ? r["Receipt.StaffWaiting"] : r["Receipt.Waiting"], DeadlineWhat(a.Kind), a.RuleId))];

    /// <summary>How a notice reached its party, as the reader says it.</summary>
    internal string MeansWords(string means) => means switch
    {
        "letter" => r["Means.Letter"],
        "phone" => r["Means.Phone"],
        "in-person" => r["Means.InPerson"],
        _ => r["Means.Email"],
    };

    // The complainant's cure note ends "(files: {id}, {id})" (ComplainantActions).
    [GeneratedRegex(@"\(files: (?<ids>[^)]*)\)\s*$")]
    private static partial Regex FilesSent();

    // CaseOrchestration: "Statute rule set {version} pinned to the case."
    [GeneratedRegex(@"^Statute rule set (?<version>\S+) pinned")]
    private static partial Regex RuleSetPinned();

    // The workflow records a deadline as "Deadline {rule} ({kind}) runs to …" and "Deadline {rule} ({kind}, {citation}) passed."
    [GeneratedRegex(@"^Deadline (?<rule>[A-Z0-9]+) \((?<kind>[a-z0-9-]+)[,)]")]
    internal static partial Regex DeadlineNamed();

    [GeneratedRegex(@"^Deadline (?<rule>[A-Z0-9]+) \((?<kind>[a-z0-9-]+)\) moved from (?<from>\d{4}-\d{2}-\d{2}) to (?<to>\d{4}-\d{2}-\d{2})")]
    private static partial Regex DeadlineMovedFromTo();

    /// <summary>The receiving office's name, as the transfer step records it ("Transferred from A (JKT) to B (PAP) …").</summary>
    [GeneratedRegex(@"^Transferred from .+? \([A-Z]+\) to (?<office>.+?) \([A-Z]+\)")]
    private static partial Regex TransferredTo();

    private static string LongDate(string iso, Language language) =>
        NotificationDates.LongDate(DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture), language);

    // The workflow records a stage as "Stage: {name}." (CaseWorkflowContext.Enter).
    private static CaseStage? StageEntered(string what) =>
        what.StartsWith("Stage: ", StringComparison.Ordinal) && Enum.TryParse<CaseStage>(what["Stage: ".Length..].TrimEnd('.'), out var stage) ? stage : null;

    private string Who(CaseRole role) => role switch
    {
        CaseRole.Complainant => l["Who.Complainant"],
        CaseRole.Provider => l["Who.Provider"],
        CaseRole.Staff => l["Who.Staff"],
        _ => l["Who.System"],
    };

    private string StageName(CaseStage stage) => stage switch
    {
        CaseStage.Received => l["Stage.Received"],
        CaseStage.CompletenessCheck => l["Stage.CompletenessCheck"],
        CaseStage.CureWindow => l["Stage.CureWindow"],
        CaseStage.Routing => l["Stage.Routing"],
        CaseStage.Examination => l["Stage.Examination"],
        CaseStage.Mediation => l["Stage.Mediation"],
        CaseStage.SpecialAdjudication => l["Stage.SpecialAdjudication"],
        CaseStage.Delivery => l["Stage.Delivery"],
        CaseStage.CompensationPayment => l["Stage.CompensationPayment"],
        CaseStage.CorrectiveActions => l["Stage.CorrectiveActions"],
        CaseStage.RecommendationMonitoring => l["Stage.RecommendationMonitoring"],
        CaseStage.AgreementMonitoring => l["Stage.AgreementMonitoring"],
        CaseStage.ResolutionMonitoring => l["Stage.ResolutionMonitoring"],
        _ => l["Stage.Closed"],
    };

    /// <summary>A rule's citation from the case's rule set, as the reader says it.</summary>
    private static string Cite(RuleSet rules, string ruleId, Language language) => Citation(rules[ruleId].Citation, language);

    private static string Routing(RuleSet rules, Language language) => Citation(rules.Provision(StatuteProvisions.RoutingToSuperior), language);

    private string WhatNext(CaseStage stage, RuleSet rules, ComplaintPath path, Language language) => stage switch
    {
        CaseStage.Received => l["Next.Received"],
        CaseStage.CompletenessCheck => l["Next.CompletenessCheck"],
        CaseStage.CureWindow => Format(l["Next.CureWindow"], Cite(rules, CureRule(rules, path), language)),
        CaseStage.Routing => l["Next.Routing"],
        CaseStage.Examination => l["Next.Examination"],
        CaseStage.Mediation => l["Next.Mediation"],
        CaseStage.SpecialAdjudication => l["Next.SpecialAdjudication"],
        CaseStage.Delivery => l["Next.Delivery"],
        CaseStage.CompensationPayment => l["Next.CompensationPayment"],
        CaseStage.CorrectiveActions => l["Next.CorrectiveActions"],
        CaseStage.RecommendationMonitoring => l["Next.RecommendationMonitoring"],
        CaseStage.AgreementMonitoring => l["Next.AgreementMonitoring"],
        CaseStage.ResolutionMonitoring => l["Next.ResolutionMonitoring"],
        _ => l["Next.Closed"],
    };

    private string WhoActs(CaseStage stage) => stage switch
    {
        CaseStage.CureWindow => l["Acts.You"],
        CaseStage.Examination => l["Acts.OfficeAndProvider"],
        CaseStage.Mediation => l["Acts.Parties"],
        CaseStage.CompensationPayment or CaseStage.CorrectiveActions or CaseStage.AgreementMonitoring or CaseStage.ResolutionMonitoring => l["Acts.Provider"],
        CaseStage.RecommendationMonitoring => l["Acts.Superior"],
        CaseStage.Closed => l["Acts.Nobody"],
        _ => l["Acts.Office"],
    };

    internal string ClosedReason(CaseClosedReason reason, RuleSet rules, ComplaintPath path, Language language) => reason switch
    {
        CaseClosedReason.Withdrawn => l["Closed.Withdrawn"],
        CaseClosedReason.DeemedWithdrawn => Format(l["Closed.DeemedWithdrawn"], Cite(rules, CureRule(rules, path), language)),
        CaseClosedReason.Rejected => l["Closed.Rejected"],
        CaseClosedReason.NoAuthority => l["Closed.NoAuthority"],
        CaseClosedReason.Resolved => l["Closed.Resolved"],
        CaseClosedReason.Referred => l["Closed.Referred"],
        CaseClosedReason.Unresolved => l["Closed.Unresolved"],
        CaseClosedReason.ExaminationStopped => l["Closed.ExaminationStopped"],
        _ => l["Closed.Decided"],
    };

    private string StopReasonWords(ExaminationStopReason reason) => reason switch
    {
        ExaminationStopReason.SettledByReportedParty => l["Stop.SettledByReportedParty"],
        ExaminationStopReason.BeforeCourt => l["Stop.BeforeCourt"],
        ExaminationStopReason.HandledByAnotherBody => l["Stop.HandledByAnotherBody"],
        _ => l["Stop.ReporterNotPursuing"],
    };

    private string ReasonWords(SuspensionReason reason) => reason switch
    {
        SuspensionReason.AwaitingComplainantClarification => l["Suspension.AwaitingComplainantClarification"],
        SuspensionReason.AgreedExtension => l["Suspension.AgreedExtension"],
        SuspensionReason.ForceMajeure => l["Suspension.ForceMajeure"],
        _ => l["Suspension.CourtProceedings"],
    };

    internal string DeadlineWhat(string kind) => kind switch
    {
        RuleSteps.CompletenessAnswer => l["DeadlineKind.CompletenessAnswer"],
        RuleSteps.CureWindow => l["DeadlineKind.CureWindow"],
        "decision" => l["DeadlineKind.Decision"],
        "decision-delivery" => l["DeadlineKind.DecisionDelivery"],
        "evidence-request" => l["DeadlineKind.EvidenceRequest"],
        "draft-result-response" => l["DeadlineKind.DraftResultResponse"],
        "mediation-round" => l["DeadlineKind.MediationRound"],
        "adjudication-decision" => l["DeadlineKind.AdjudicationDecision"],
        "compensation-payment" => l["DeadlineKind.CompensationPayment"],
        "corrective-actions" => l["DeadlineKind.CorrectiveActions"],
        "recommendation" => l["DeadlineKind.Recommendation"],
        "agreement-monitoring" => l["DeadlineKind.AgreementMonitoring"],
        "resolution-monitoring" => l["DeadlineKind.ResolutionMonitoring"],
        _ => kind,
    };

    private string EventName(string eventName) => eventName switch
    {
        CaseEvents.FileComplete => l["Event.FileComplete"],
        CaseEvents.FileIncomplete => l["Event.FileIncomplete"],
        CaseEvents.CureSubmitted => l["Event.CureSubmitted"],
        CaseEvents.ProviderResponseSubmitted => l["Event.ProviderResponseSubmitted"],
        CaseEvents.EvidenceRequested => l["Event.EvidenceRequested"],
        CaseEvents.EvidenceProvided => l["Event.EvidenceProvided"],
        CaseEvents.DraftResultIssued => l["Event.DraftResultIssued"],
        CaseEvents.DraftResultResponse => l["Event.DraftResultResponse"],
        CaseEvents.ClarificationRequested => l["Event.ClarificationRequested"],
        CaseEvents.SummonsMissed => l["Event.SummonsMissed"],
        CaseEvents.MediationRequested => l["Event.MediationRequested"],
        CaseEvents.MediationOutcome => l["Event.MediationOutcome"],
        CaseEvents.AdjudicationDecision => l["Event.AdjudicationDecision"],
        CaseEvents.DecisionIssued => l["Event.DecisionIssued"],
        CaseEvents.DecisionDelivered => l["Event.DecisionDelivered"],
        CaseEvents.PaymentConfirmed => l["Event.PaymentConfirmed"],
        CaseEvents.CorrectiveActionsReported => l["Event.CorrectiveActionsReported"],
        CaseEvents.RecommendationImplemented => l["Event.RecommendationImplemented"],
        CaseEvents.Withdraw => l["Event.Withdraw"],
        CaseEvents.CloseCase => l["Event.CloseCase"],
        CaseEvents.SuspendDeadline => l["Event.SuspendDeadline"],
        CaseEvents.ResumeDeadline => l["Event.ResumeDeadline"],
        CaseEvents.MediationOffered => l["Event.MediationOffered"],
        CaseEvents.AgreementCarriedOut => l["Event.AgreementCarriedOut"],
        CaseEvents.ExaminationStopped => l["Event.ExaminationStopped"],
        CaseEvents.RecommendationIssued => l["Event.RecommendationIssued"],
        CaseEvents.AdjudicationRequested => l["Event.AdjudicationRequested"],
        _ => eventName,
    };

    private static string Format(string template, object value) => string.Format(CultureInfo.CurrentCulture, template, value);

    private static string Format(string template, object first, object second) => string.Format(CultureInfo.CurrentCulture, template, first, second);

    private static string Format(string template, object first, object second, object third) => string.Format(CultureInfo.CurrentCulture, template, first, second, third);
}
