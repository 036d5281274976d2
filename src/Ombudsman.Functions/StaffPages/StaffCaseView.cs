using System.Globalization;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Assignment;
using Ombudsman.Functions.Disclosure;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Pages;
using Ombudsman.Web;
using Ombudsman.Web.Pages.Staff;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.StaffPages;

/// <summary>
/// The staff case page's content: the case as the staff API shows it (the whole timeline, disclosure decisions
/// included), every file of the case, and a form for each action this stage allows the member's roles. Words shared
/// with the complainant's page (stages, deadlines, events) come from <see cref="CasePages"/>, so both say the same.
/// </summary>
internal sealed class StaffCaseView(
    CaseReader reader,
    DisclosureStore disclosures,
    CaseAssignments assignments,
    EvidenceStore evidence,
    CasePages words,
    RuleSetCatalog ruleSets,
    TimeProvider time,
    IStringLocalizer<ConsoleCaseText> c,
    IStringLocalizer<ConsoleTransferText> t,
    OfficeDirectory offices,
    IStringLocalizer<ConsoleAssignText> a,
    IServiceProvider services)
{
    /// <summary>What the case page says after a change of assignment.</summary>
    public string AssignmentDone => a["Assign.Done"];

    /// <summary>Image types a browser shows in an img element from the app's own address.</summary>
    internal static readonly string[] PreviewImageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    internal const string PdfType = "application/pdf";

    /// <summary>The case of the member's office, or null when there is none (another office's case is none).</summary>
    public async Task<FiledCase?> FindAsync(StaffMember member, string caseId, CancellationToken cancellationToken) =>
        await reader.GetAsync(caseId, cancellationToken) is { Status: { } status } filed && status.Office == member.Office ? filed : null;

    /// <summary>
    /// The page of <paramref name="filed"/> for <paramref name="member"/>; <paramref name="posted"/> is a refused form's
    /// action, values and errors, shown open with the values kept.
    /// </summary>
    public async Task<StaffCaseModel> BuildAsync(StaffMember member, FiledCase filed, PostedAction? posted, CancellationToken cancellationToken)
    {
        var language = CultureInfo.CurrentUICulture.Name == "en" ? Language.English : Language.Indonesian;
        var complaint = filed.Complaint;
        var status = filed.Status!;
        var zone = complaint.Office.TimeZone;
        var today = zone.DateOf(time.GetUtcNow());
        var disclosed = await disclosures.DecisionsAsync(filed.CaseId, cancellationToken);
        var assigned = await assignments.ChangesAsync(filed.CaseId, cancellationToken);
        var timeline = status.Timeline.Concat(disclosed).Concat(assigned).OrderBy(e => e.At).ToList();
        var files = await evidence.ListAsync(filed.CaseId, cancellationToken);
        return new StaffCaseModel
        {
            CaseId = filed.CaseId,
            ReceiptNumber = filed.ReceiptNumber,
            Stage = StageName(filed.Stage),
            Confidential = complaint.Complainant.Confidential,
            ConfidentialityCitation = StatuteWording.Citation(filed.RuleSet(ruleSets).Provision(StatuteProvisions.ComplainantConfidentiality), language),
            Facts = Facts(filed, status, zone, language),
            Complainant = ComplainantFacts(complaint.Complainant),
            Representative = complaint.Representative is { } r
                ? [new(c["Party.Name"], r.Name), new(c["Party.Email"], r.Email), new(c["Party.PowerOfAttorney"], r.PowerOfAttorney)]
                : null,
            Provider = ProviderFacts(complaint.Provider),
            Complaint = ComplaintFacts(complaint, language),
            Deadlines = [.. status.OpenDeadlines.OrderBy(d => d.DueAt).Select(d => words.Deadline(d, today, zone, language))],
            PastDeadlines = PastDeadlines(status, timeline, zone, language),
            AwaitingReceipt = filed.Stage == CaseStage.Closed ? [] : words.AwaitingReceipt(status, staff: true),
            Timeline = [.. timeline.Select(e => new StaffTimelineItem(NotificationDates.DateTime(e.At, zone, language), Who(e.Actor), KindName(e.Kind), VisibilityName(e.Visibility), e.What))],
            Files = [.. files.Select(f => File(filed.CaseId, f, zone, language))],
            Actions = ActionForms(member, filed, posted),
            Assignment = await AssignmentPages.PanelAsync(member, filed.CaseId, status.Office, services, cancellationToken),
            ProviderLink = StaffActionPermissions.MayManageProviderLink(member)
                ? new StaffProviderLinkPanel(filed.CaseId, ProviderLinks.ResponseDeadlines(status, ruleSets).Any())
                : null,
        };
    }

    /// <summary>
    /// The actions the case's rules accept now from staff on this path, of those the member's roles are granted; the
    /// details an action needs are not asked here (a form asks for them).
    /// </summary>
    public static IReadOnlyList<string> OfferedActions(StaffMember member, CaseStage stage, ComplaintPath path)
    {
        var probe = new CaseAction { Actor = member.ToActor() };
        return
        [
            .. CaseEvents.All.Where(a =>
                CaseStageRules.AllowedIn(stage).Contains(a)
                && CaseStageRules.Check(stage, path, a, probe) is null or { Code: CaseActionRefusal.DetailsMissing }
                && StaffActionPermissions.MayAct(member, a)),
        ];
    }

    /// <summary>The form of <paramref name="action"/> with the details it asks for; values and errors from a refused post.</summary>
    /// <remarks>
    /// <paramref name="rules"/>: the case's rule set, which the hints cite; <paramref name="office"/>: the case's office,
    /// which a transfer cannot be to.
    /// </remarks>
    public StaffActionForm Form(
        string caseId, string action, ComplaintPath path, RuleSet rules, PostedAction? posted, IReadOnlyList<Workflows.Cases.OpenDeadline>? deadlines = null, string? office = null)
    {
        deadlines ??= [];
        var language = CultureInfo.CurrentUICulture.Name == "en" ? Language.English : Language.Indonesian;
        IReadOnlyList<StaffOption> DeadlineOptions(bool suspended) =>
            [.. deadlines.Where(d => (d.Suspended is not null) == suspended).Select(d => new StaffOption(d.RuleId, $"{words.DeadlineWhat(d.Kind)} ({d.RuleId}, {CasePages.Citation(d.Citation, language)})"))];
        var mine = posted is not null && posted.Action == action ? posted : null;
        StaffActionField Field(string detail, string label, string type, bool required, string? hint = null) =>
            new(FieldName(action, detail), label, type, mine?.Values.GetValueOrDefault(detail), mine?.Errors.GetValueOrDefault(detail), required, hint);

        var note = Field("note", c["Field.Note"], "textarea", false);
        IReadOnlyList<StaffActionField> fields = action switch
        {
            CaseEvents.FileIncomplete => [Field("missingItems", c["Field.MissingItems"], "textarea", true, c["Field.OnePerLine"]), note],
            CaseEvents.ClarificationRequested => [Field("note", c["Field.Question"], "textarea", true)],
            CaseEvents.EvidenceRequested => [Field("note", c["Field.DocumentsAsked"], "textarea", true)],
            CaseEvents.DraftResultIssued => [Field("note", c["Field.DraftResult"], "textarea", true)],
            CaseEvents.MediationOutcome =>
            [
                Field("mediationResult", c["Field.MediationResult"], "select", true) with
                {
                    Options =
                    [
                        new(nameof(MediationResult.Agreed), c["Mediation.Agreed"]),
                        new(nameof(MediationResult.Failed), c["Mediation.Failed"]),
                        new(nameof(MediationResult.AnotherRound), c["Mediation.AnotherRound"]),
                    ],
                },
                note,
            ],
            CaseEvents.AdjudicationDecision =>
            [
                Field("compensationAmount", c["Field.CompensationAmount"], "text", true, c["Field.RupiahHint"]),
                Field("paymentDueDate", c["Field.PaymentDueDate"], "date", true),
                note,
            ],
            CaseEvents.DecisionIssued =>
            [
                Field("note", c["Field.Decision"], "textarea", true),
                .. path == ComplaintPath.Ombudsman
                    ? new[] { Field("maladministration", c["Field.Maladministration"], "checkbox", false), Field("correctiveActions", c["Field.CorrectiveActions"], "textarea", false, c["Field.OnePerLine"]) }
                    : [],
                Field("compensationAmount", c["Field.CompensationAmount"], "text", false, c["Field.CompensationBoth"]),
                Field("paymentDueDate", c["Field.PaymentDueDate"], "date", false),
            ],
            CaseEvents.CloseCase =>
            [
                Field("closedReason", c["Field.ClosedReason"], "select", true) with
                {
                    Options =
                    [
                        new(nameof(CaseClosedReason.Rejected), c["Close.Rejected"]),
                        new(nameof(CaseClosedReason.NoAuthority), c["Close.NoAuthority"]),
                        new(nameof(CaseClosedReason.Referred), c["Close.Referred"]),
                        new(nameof(CaseClosedReason.Unresolved), c["Close.Unresolved"]),
                    ],
                },
                Field("note", c["Field.Reason"], "textarea", true),
            ],
            CaseEvents.Withdraw => [Field("note", c["Field.WithdrawReason"], "textarea", true)],
            CaseEvents.SuspendDeadline =>
            [
                Field("ruleId", c["Field.Deadline"], "select", true) with { Options = DeadlineOptions(suspended: false) },
                Field("reason", c["Field.SuspensionReason"], "select", true) with
                {
                    Options =
                    [
                        new(SuspensionReasons.Name(SuspensionReason.AwaitingComplainantClarification), c["Suspension.AwaitingComplainantClarification"]),
                        new(SuspensionReasons.Name(SuspensionReason.AgreedExtension), c["Suspension.AgreedExtension"]),
                        new(SuspensionReasons.Name(SuspensionReason.ForceMajeure), c["Suspension.ForceMajeure"]),
                        new(SuspensionReasons.Name(SuspensionReason.CourtProceedings), c["Suspension.CourtProceedings"]),
                    ],
                },
                note,
            ],
            CaseEvents.ResumeDeadline => [Field("ruleId", c["Field.Deadline"], "select", true) with { Options = DeadlineOptions(suspended: true) }],
            CaseEvents.ExaminationStopped =>
            [
                Field("stopReason", c["Field.StopReason"], "select", true) with
                {
                    Options =
                    [
                        new(ExaminationStopReasons.Name(ExaminationStopReason.SettledByReportedParty), c["Stop.SettledByReportedParty"]),
                        new(ExaminationStopReasons.Name(ExaminationStopReason.BeforeCourt), c["Stop.BeforeCourt"]),
                        new(ExaminationStopReasons.Name(ExaminationStopReason.HandledByAnotherBody), c["Stop.HandledByAnotherBody"]),
                        new(ExaminationStopReasons.Name(ExaminationStopReason.ReporterNotPursuing), c["Stop.ReporterNotPursuing"]),
                    ],
                },
                Field("note", c["Field.StopExplanation"], "textarea", true),
            ],
            CaseEvents.RecommendationIssued => [Field("note", c["Field.Recommendation"], "textarea", false)],
            CaseEvents.AdjudicationRequested => [Field("note", c["Field.AdjudicationRequest"], "textarea", false)],
            CaseEvents.TransferOffice =>
            [
                Field("receivingOffice", t["Field.ReceivingOffice"], "select", true, string.Format(CultureInfo.CurrentCulture, t["Field.ReceivingOfficeHint"], CasePages.Citation(rules[CaseTransferRule.RuleId].Citation, language))) with
                {
                    Options = [.. offices.All.Where(o => !string.Equals(o.OfficeId, office, StringComparison.OrdinalIgnoreCase)).Select(o => new StaffOption(o.OfficeId, o.Name))],
                },
                Field("note", t["Field.Reason"], "textarea", true),
            ],
            _ => [note],
        };
        return new StaffActionForm(action, ActionName(action), ConsoleRoutes.CaseAction(caseId, action), fields) { Open = mine is not null };
    }

    /// <summary>The form field of an action's detail: unique on the page, which has a form per action.</summary>
    public static string FieldName(string action, string detail) => action + "-" + detail;

    /// <summary>
    /// The forms of the offered actions. Notifications are dealt with on the undelivered-mail page, not here; a
    /// deadline can be suspended while one runs and resumed while one stands still; an action the case as it stands
    /// refuses (a second offer of mediation, adjudication before mediation failed) is not offered.
    /// </summary>
    private IReadOnlyList<StaffActionForm> ActionForms(StaffMember member, FiledCase filed, PostedAction? posted)
    {
        var deadlines = filed.Status?.OpenDeadlines ?? [];
        return
        [
            .. OfferedActions(member, filed.Stage, filed.Complaint.Path)
                .Where(a => filed.Status is not { } status || CaseStageRules.CheckCase(status, a) is null)
                .Where(a => a switch
                {
                    CaseEvents.NotificationResend or CaseEvents.NotificationDeliveredOtherwise => false,
                    CaseEvents.SuspendDeadline => deadlines.Any(d => d.Suspended is null),
                    CaseEvents.ResumeDeadline => deadlines.Any(d => d.Suspended is not null),
                    _ => true,
                })
                .Select(a => Form(filed.CaseId, a, filed.Complaint.Path, filed.RuleSet(ruleSets), posted, deadlines, filed.Status?.Office ?? filed.Complaint.Office.Code)),
        ];
    }

    private List<StaffFact> Facts(FiledCase filed, CaseStatus status, OfficeTimeZone zone, Language language)
    {
        var facts = new List<StaffFact>
        {
            new(c["Fact.ReceiptNumber"], filed.ReceiptNumber),
            new(c["Fact.Path"], string.Format(
                CultureInfo.CurrentCulture,
                filed.Complaint.Path == ComplaintPath.Ombudsman ? c["Path.Ombudsman"] : c["Path.Provider"],
                filed.RuleSet(ruleSets).ActOf(filed.Complaint.Path))),
            new(c["Fact.Channel"], ChannelName(filed.Complaint.Channel)),
            new(c["Fact.Office"], filed.Complaint.Office.Name),
            new(c["Fact.ReceivedAt"], NotificationDates.DateTime(filed.ReceivedAt, zone, language)),
        };
        if (status.FiledLate)
        {
            facts.Add(new(c["Fact.FiledLate"], c["Fact.Yes"]));
        }

        if (status.Overdue)
        {
            facts.Add(new(c["Fact.Overdue"], string.Join(", ", status.OverdueRules)));
        }

        if (status.ClosedReason is { } reason)
        {
            facts.Add(new(c["Fact.ClosedReason"], status.ClosedDetail is { Length: > 0 } detail ? $"{words.ClosedReason(reason, filed.RuleSet(ruleSets), filed.Complaint.Path, language)}: {detail}" : words.ClosedReason(reason, filed.RuleSet(ruleSets), filed.Complaint.Path, language)));
        }

        return facts;
    }

    private List<StaffFact> ComplainantFacts(Complainant complainant)
    {
        var facts = new List<StaffFact>
        {
            new(c["Party.Name"], complainant.Name),
        };
        if (complainant.Email is { Length: > 0 } email)
        {
            // Staff may record a walk-in or phone complainant who has no email: such a case is reached by other means.
            facts.Add(new(c["Party.Email"], email));
        }

        if (complainant.Phone is { Length: > 0 } phone)
        {
            facts.Add(new(c["Party.Phone"], phone));
        }

        if (complainant.Address is { Length: > 0 } address)
        {
            facts.Add(new(c["Party.Address"], address));
        }

        facts.Add(new(c["Party.Confidential"], complainant.Confidential ? c["Party.ConfidentialYes"] : c["Party.ConfidentialNo"]));
        facts.Add(new(c["Party.Language"], complainant.Language == "en" ? "English" : "Bahasa Indonesia"));
        return facts;
    }

    private List<StaffFact> ProviderFacts(Provider provider)
    {
        var facts = new List<StaffFact>
        {
            new(c["Party.Name"], provider.Name),
            new(c["Party.ProviderKind"], provider.Kind switch
            {
                ProviderKind.ImplementingOfficer => c["ProviderKind.ImplementingOfficer"],
                ProviderKind.GovernmentUnit => c["ProviderKind.GovernmentUnit"],
                _ => c["ProviderKind.Corporation"],
            }),
        };
        if (provider.Email is { Length: > 0 } email)
        {
            facts.Add(new(c["Party.Email"], email));
        }

        return facts;
    }

    private List<StaffFact> ComplaintFacts(Complaint complaint, Language language)
    {
        var facts = new List<StaffFact>
        {
            new(c["Complaint.Description"], complaint.Description),
            new(c["Complaint.RemedyAsked"], complaint.RemedyAsked),
        };
        if (complaint.ServiceReceivedOn is { } served)
        {
            facts.Add(new(c["Complaint.ServiceReceivedOn"], NotificationDates.LongDate(served, language)));
        }

        if (complaint.EventOn is { } happened)
        {
            facts.Add(new(c["Complaint.EventOn"], NotificationDates.LongDate(happened, language)));
        }

        if (complaint.CompensationClaim is { } claim)
        {
            facts.Add(new(c["Complaint.CompensationClaim"], Rupiah(claim)));
        }

        facts.Add(new(c["Complaint.FiledAtPlace"], complaint.FiledAtPlace is { Length: > 0 } place ? place : c["Complaint.NotGiven"]));
        facts.Add(new(c["Complaint.Signature"], complaint.Signature is { Length: > 0 } signature ? signature : c["Complaint.NotGiven"]));
        if (complaint.PriorComplaint is { } prior)
        {
            facts.Add(new(c["Complaint.PriorComplaint"], $"{NotificationDates.LongDate(prior.FiledOn, language)}: {prior.Outcome}"));
        }

        if (complaint.PriorComplaintOverride is { } waived)
        {
            facts.Add(new(c["Complaint.PriorComplaintOverride"], $"{waived.Reason} ({waived.DecidedBy.Name ?? waived.DecidedBy.Id})"));
        }

        return facts;
    }

    private List<StaffPastDeadline> PastDeadlines(CaseStatus status, List<TimelineEntry> timeline, OfficeTimeZone zone, Language language)
    {
        var marks = timeline
            .Where(e => e.Kind is TimelineKind.Deadline or TimelineKind.DeadlinePassed)
            .Select(e => (Entry: e, Match: CasePages.DeadlineNamed().Match(e.What)))
            .Where(p => p.Match.Success)
            .Select(p => (p.Entry, Rule: p.Match.Groups["rule"].Value, Kind: p.Match.Groups["kind"].Value))
            .ToList();
        var past = new List<StaffPastDeadline>();
        for (var i = 0; i < marks.Count; i++)
        {
            var (entry, rule, kind) = marks[i];
            if (entry.Kind != TimelineKind.Deadline)
            {
                continue;
            }

            // The deadline's run ends where the same rule starts again; a "passed" mark within it means it passed.
            var later = marks.Skip(i + 1).Where(m => m.Rule == rule).ToList();
            var restarted = later.FindIndex(m => m.Entry.Kind == TimelineKind.Deadline);
            var run = restarted < 0 ? later : later[..restarted];
            if (restarted < 0 && run.Count == 0 && status.OpenDeadlines.Any(d => d.RuleId == rule))
            {
                continue;
            }

            var what = $"{words.DeadlineWhat(kind)} ({rule})";
            var started = string.Format(CultureInfo.CurrentCulture, c["Past.Started"], NotificationDates.DateTime(entry.At, zone, language));
            past.Add(run.FirstOrDefault(m => m.Entry.Kind == TimelineKind.DeadlinePassed) is { Entry: not null } passed
                ? new StaffPastDeadline(what, started, string.Format(CultureInfo.CurrentCulture, c["Past.Passed"], NotificationDates.DateTime(passed.Entry.At, zone, language)), true)
                : new StaffPastDeadline(what, started, c["Past.Ended"], false));
        }

        return past;
    }

    private StaffFileItem File(string caseId, EvidenceRecord record, OfficeTimeZone zone, Language language)
    {
        var href = ConsoleRoutes.CaseFile(caseId, record.EvidenceId);
        var inline = href + "?view=inline";
        return new StaffFileItem(
            record.OriginalName,
            record.Party switch
            {
                EvidenceParty.Complainant => c["FileParty.Complainant"],
                EvidenceParty.Provider => c["FileParty.Provider"],
                _ => c["FileParty.Staff"],
            },
            record.ContentType,
            TrackingPages.Size(record.Size),
            record.Sha256,
            NotificationDates.DateTime(record.UploadedAt, zone, language) + (record.Late ? " · " + c["Files.Late"] : ""),
            href,
            PreviewImageTypes.Contains(record.ContentType, StringComparer.OrdinalIgnoreCase) ? inline : null,
            string.Equals(record.ContentType, PdfType, StringComparison.OrdinalIgnoreCase) ? inline : null);
    }

    private string Who(CaseActor actor)
    {
        var role = actor.Role switch
        {
            CaseRole.Complainant => c["Who.Complainant"],
            CaseRole.Provider => c["Who.Provider"],
            CaseRole.Staff => c["Who.Staff"],
            _ => c["Who.System"],
        };
        return actor.Role == CaseRole.System ? role : $"{role}: {actor.Name ?? actor.Id}";
    }

    private string KindName(TimelineKind kind) => kind switch
    {
        TimelineKind.Received => c["Kind.Received"],
        TimelineKind.Stage => c["Kind.Stage"],
        TimelineKind.Deadline => c["Kind.Deadline"],
        TimelineKind.DeadlinePassed => c["Kind.DeadlinePassed"],
        TimelineKind.Overdue => c["Kind.Overdue"],
        TimelineKind.Action => c["Kind.Action"],
        TimelineKind.Refused => c["Kind.Refused"],
        TimelineKind.Notification => c["Kind.Notification"],
        TimelineKind.Closed => c["Kind.Closed"],
        _ => c["Kind.Progress"],
    };

    private string VisibilityName(TimelineVisibility visibility) => visibility switch
    {
        TimelineVisibility.Public => c["Visibility.Public"],
        TimelineVisibility.Provider => c["Visibility.Provider"],
        _ => c["Visibility.Staff"],
    };

    /// <summary>A stage as staff say it (the complainant's page words some stages to the complainant).</summary>
    private string StageName(CaseStage stage) => stage switch
    {
        CaseStage.Received => c["StageName.Received"],
        CaseStage.CompletenessCheck => c["StageName.CompletenessCheck"],
        CaseStage.CureWindow => c["StageName.CureWindow"],
        CaseStage.Routing => c["StageName.Routing"],
        CaseStage.Examination => c["StageName.Examination"],
        CaseStage.Mediation => c["StageName.Mediation"],
        CaseStage.SpecialAdjudication => c["StageName.SpecialAdjudication"],
        CaseStage.Delivery => c["StageName.Delivery"],
        CaseStage.CompensationPayment => c["StageName.CompensationPayment"],
        CaseStage.CorrectiveActions => c["StageName.CorrectiveActions"],
        CaseStage.RecommendationMonitoring => c["StageName.RecommendationMonitoring"],
        CaseStage.AgreementMonitoring => c["StageName.AgreementMonitoring"],
        CaseStage.ResolutionMonitoring => c["StageName.ResolutionMonitoring"],
        _ => c["StageName.Closed"],
    };

    /// <summary>An action as its form's title and button say it.</summary>
    public string ActionName(string action) => action switch
    {
        CaseEvents.FileComplete => c["Action.FileComplete"],
        CaseEvents.FileIncomplete => c["Action.FileIncomplete"],
        CaseEvents.CureSubmitted => c["Action.CureSubmitted"],
        CaseEvents.ProviderResponseSubmitted => c["Action.ProviderResponseSubmitted"],
        CaseEvents.EvidenceRequested => c["Action.EvidenceRequested"],
        CaseEvents.EvidenceProvided => c["Action.EvidenceProvided"],
        CaseEvents.DraftResultIssued => c["Action.DraftResultIssued"],
        CaseEvents.DraftResultResponse => c["Action.DraftResultResponse"],
        CaseEvents.ClarificationRequested => c["Action.ClarificationRequested"],
        CaseEvents.SummonsMissed => c["Action.SummonsMissed"],
        CaseEvents.MediationRequested => c["Action.MediationRequested"],
        CaseEvents.MediationOutcome => c["Action.MediationOutcome"],
        CaseEvents.AdjudicationDecision => c["Action.AdjudicationDecision"],
        CaseEvents.DecisionIssued => c["Action.DecisionIssued"],
        CaseEvents.DecisionDelivered => c["Action.DecisionDelivered"],
        CaseEvents.PaymentConfirmed => c["Action.PaymentConfirmed"],
        CaseEvents.CorrectiveActionsReported => c["Action.CorrectiveActionsReported"],
        CaseEvents.RecommendationImplemented => c["Action.RecommendationImplemented"],
        CaseEvents.Withdraw => c["Action.Withdraw"],
        CaseEvents.SuspendDeadline => c["Action.SuspendDeadline"],
        CaseEvents.ResumeDeadline => c["Action.ResumeDeadline"],
        CaseEvents.MediationOffered => c["Action.MediationOffered"],
        CaseEvents.AgreementCarriedOut => c["Action.AgreementCarriedOut"],
        CaseEvents.ExaminationStopped => c["Action.ExaminationStopped"],
        CaseEvents.RecommendationIssued => c["Action.RecommendationIssued"],
        CaseEvents.AdjudicationRequested => c["Action.AdjudicationRequested"],
        CaseEvents.TransferOffice => t["Action.TransferOffice"],
        _ => c["Action.CloseCase"],
    };

    private string ChannelName(IntakeChannel channel) => channel switch
    {
        IntakeChannel.WalkIn => c["Channel.WalkIn"],
        IntakeChannel.WhatsApp => c["Channel.WhatsApp"],
        IntakeChannel.Phone => c["Channel.Phone"],
        IntakeChannel.Letter => c["Channel.Letter"],
        IntakeChannel.Outreach => c["Channel.Outreach"],
        _ => c["Channel.Online"],
    };

    // Rupiah are written with dots between thousands in both languages of the page (the app may run without ICU data).
    private static string Rupiah(decimal amount) => "Rp " + amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
}

/// <summary>A refused action form: which action, the values as posted (by detail), and the error of each detail that has one.</summary>
internal sealed record PostedAction(string Action, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors);
