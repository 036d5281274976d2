using System.Globalization;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Builds the values an email template declares from a case notification's data and the filed complaint, in the
/// recipient's language, dates in the office's time zone. Only the fields the template declares are produced, so a
/// provider email can never be handed the complainant's name. A value the email exists to tell (the deadline of a
/// deadline notice, the amount of a compensation notice, the decision of a decision notice…) must come from the
/// notification's data: when it is absent the email is not sent with a dash in its place but fails with a
/// <see cref="TemplateFieldException"/> naming the field, which the case records for staff. Only values that are truly
/// optional fall back, each saying why.
/// </summary>
internal sealed class CaseEmailFields(CaseEmailOptions links, TimeProvider time, RuleSetCatalog ruleSets)
{
    public Dictionary<string, string> Build(
        EmailTemplate template, CaseNotification notification, Complaint complaint, string officeName, OfficeTimeZone zone, string? dashboardLink = null)
    {
        var now = time.GetUtcNow();
        var context = new Context(template.Id, notification, complaint, officeName, zone, template.Language, now, links, dashboardLink, RuleSetOf(notification, zone, now));
        return template.Fields.ToDictionary(
            field => field,
            field => context.Value(field) ?? throw new TemplateFieldException(template.Id, template.Language, field, TemplateFieldProblem.Missing),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The rule set the case pinned at intake, whose durations and citations the email states; a notification queued
    /// before cases sent their version with it is worded with the version in force today.
    /// </summary>
    private RuleSet RuleSetOf(CaseNotification notification, OfficeTimeZone zone, DateTimeOffset now) =>
        ruleSets.ForCase(notification.Data.GetValueOrDefault(CaseNotification.RuleSetVersionKey), zone.DateOf(now));

    private sealed record Context(
        string TemplateId,
        CaseNotification Notification,
        Complaint Complaint,
        string OfficeName,
        OfficeTimeZone Zone,
        Language Language,
        DateTimeOffset Now,
        CaseEmailOptions Links,
        string? DashboardLink,
        RuleSet Rules)
    {
        private bool ProviderPath => Complaint.Path == ComplaintPath.Provider;

        /// <summary>
        /// Whether the notification may go without a deadline: the receipt goes out before the completeness deadline
        /// is computed; on the Ombudsman path routing starts no decision deadline (the examination has no statutory
        /// period), so the routed notices have none; and a staff escalation may be about something other than a
        /// passed deadline (the missed summons that flag a forced appearance, a deadline that could not be computed). Every other case
        /// notification that names a deadline is a deadline notice and carries one.
        /// </summary>
        private bool DeadlineOptional => Notification.TemplateId switch
        {
            NotificationTemplates.Receipt or NotificationTemplates.StaffEscalation => true,
            NotificationTemplates.FileCompleteRouted or NotificationTemplates.ProviderNewCase => !ProviderPath && !Notification.Data.ContainsKey("request"),
            _ => false,
        };

        /// <summary>The value of a template field; null for a field case emails do not know (a template bug).</summary>
        public string? Value(string field) => field switch
        {
            "CaseNumber" => Notification.CaseId,
            "ComplainantName" => Complaint.Complainant.Name,
            "ProviderName" => Complaint.Provider.Name,
            "OfficeName" => OfficeName,
            "ComplaintSummary" => Complaint.Description,
            "TrackingLink" => Links.TrackingLink(Notification.CaseId),
            "UploadLink" => Links.UploadLink(Notification.CaseId),
            "DecisionLink" => Links.DecisionLink(Notification.CaseId),
            "DashboardLink" => DashboardLink,
            "Deadline" => Deadline(),
            "DeadlineNote" => DeadlineNote(),
            "DeadlineCitation" => DeadlineCitation(),
            "ReceiptCitation" => Cite(StatuteWording.Primary(Rules[ReceiptRule].Citation)),
            "ReceivedAt" => Instant(Data("receivedAt")) ?? NotificationDates.DateTime(Now, Zone, Language),
            // A case on the per-response version sends one email per response, so it sends no count.
            "ResponseCount" => Data("responseCount") ?? "1",
            "ResponseList" => ResponseList(),
            "Stage" => Stage(),
            "RequiredAction" => RequiredAction(),
            "Consequence" => Consequence(),
            "MissingItems" => Required("MissingItems", "missingItems"),
            "DaysRemaining" => Notification.TemplateId == NotificationTemplates.CureReminder1Day ? "1" : "7",
            "RoutedTo" => Required("RoutedTo", "routedTo"),
            "DraftSummary" => Required("DraftSummary", "draft"),
            "MediationAt" => T("akan dikonfirmasi oleh petugas kami", "to be confirmed by our staff"),
            "MediationPlace" => OfficeName,
            "Outcome" => Outcome(),
            "NextStep" => NextStep(),
            "DecidedOn" or "ClosedOn" or "PaidOn" => NotificationDates.LongDate(DigestSchedule.LocalDate(Zone, Now), Language),
            "DecisionSummary" => DecisionSummary(),

            // A decision notice's legal basis follows from the complaint's path; the case sends no citation with it.
            "Citation" => Cite(Data("citation") ?? (ProviderPath
                ? $"{Rules[DecisionDeliveryRule].Citation}; {Rules[DecisionCopyRule].Citation}"
                : Rules[FinalResultRule].Citation)),
            "Amount" => Money(Required("Amount", "amount")),
            "ClosureReason" => ClosureReason(),
            "CorrectiveActions" => Required("CorrectiveActions", "correctiveActions"),
            "RuleId" => Required("RuleId", "ruleId"),
            "PreviousDeadline" => PreviousDeadline(),
            "Decree" => Decree(),
            "PreviousOffice" => Required("PreviousOffice", "previousOffice"),
            "ReceivingOffice" => Required("ReceivingOffice", "receivingOffice"),
            "TransferReason" => Required("TransferReason", "reason"),
            "OfficeZone" => Zone.Code,
            _ => null,
        };

        private string? Data(string key) =>
            Notification.Data.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        /// <summary>The value of <paramref name="key"/>, which the email cannot go without.</summary>
        private string Required(string field, string key) => Data(key) ?? throw Missing(field, $"'{key}'");

        private TemplateFieldException Missing(string field, string keys) => new(
            TemplateId,
            Language,
            field,
            TemplateFieldProblem.Missing,
            $"case notification '{Notification.TemplateId}' to {Notification.Recipient} of case {Notification.CaseId} carries no {keys} in its data");

        /// <summary>
        /// A provider overdue notice states the standing consequence of any delay; a staff escalation must say what
        /// happened, which only the case knows.
        /// </summary>
        private string Consequence() => Notification.Recipient == NotificationRecipient.Staff
            ? Required("Consequence", "consequence")
            : Data("consequence") ?? T(
                "keterlambatan ini dicatat pada pengaduan dan dilaporkan kepada atasan Anda",
                "the delay is recorded on the complaint and reported to your superior");

        private string T(string indonesian, string english) => Language == Language.English ? english : indonesian;

        private string? Instant(string? iso) =>
            iso is not null && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? NotificationDates.DateTime(at, Zone, Language)
                : null;

        /// <summary>
        /// The daily digest lists each response's arrival; a case on the per-response version sends its email as the
        /// response arrives, with no list, so "now" is that arrival.
        /// </summary>
        private string ResponseList() => Data("responses") is { } responses
            ? string.Join('\n', responses.Split('\n').Select(r => Instant(r) ?? r))
            : Instant(Data("receivedAt")) ?? NotificationDates.DateTime(Now, Zone, Language);

        /// <summary>The deadline's last day, inclusively, in the office's zone; never the exclusive midnight after it.</summary>
        private string Deadline()
        {
            if (Data("deadline") is { } date && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lastDay))
            {
                return NotificationDates.LastDay(lastDay, Zone, Language);
            }

            if (Data("dueAt") is { } iso && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var endsAt))
            {
                return NotificationDates.Deadline(endsAt, Zone, Language);
            }

            if (!DeadlineOptional)
            {
                throw Missing("Deadline", "'deadline' (or 'dueAt')");
            }

            // The receipt goes out before the completeness deadline is computed; it states the period instead.
            if (Notification.TemplateId == NotificationTemplates.Receipt && CompletenessRule.Duration is { } period)
            {
                var words = StatuteWording.Duration(period, Language);
                return ProviderPath
                    ? T($"{words} sejak pengaduan diterima", $"{words} after receipt")
                    : T($"{words} sejak laporan diterima", $"{words} after receipt");
            }

            return T("tanggal yang akan kami beritahukan", "a date we will tell you");
        }

        /// <summary>
        /// Empty for a deadline counted with the year's decree; for one counted into a year whose decree is not published
        /// yet (weekends and fixed-date holidays only), a short note right after the date that it may still move.
        /// </summary>
        private string DeadlineNote() => Data("provisionalYears") is { } years
            ? ProvisionalDeadlineNote.For(years.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(y => int.Parse(y, CultureInfo.InvariantCulture)), Language)
            : "";

        /// <summary>A moved deadline's last day before the move, as people read it.</summary>
        private string PreviousDeadline() =>
            DateOnly.TryParseExact(Required("PreviousDeadline", "previousDeadline"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lastDay)
                ? NotificationDates.LastDay(lastDay, Zone, Language)
                : throw Missing("PreviousDeadline", "'previousDeadline' as yyyy-MM-dd");

        /// <summary>The holiday decree that moved a deadline: its number and the day it was signed.</summary>
        private string Decree()
        {
            var number = Required("Decree", "decreeNumber");
            var signed = DateOnly.TryParseExact(Required("Decree", "decreeDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? NotificationDates.LongDate(date, Language)
                : throw Missing("Decree", "'decreeDate' as yyyy-MM-dd");
            return T($"SKB No. {number} tanggal {signed}", $"SKB No. {number} of {signed}");
        }

        private string DeadlineCitation()
        {
            if (Notification.TemplateId == NotificationTemplates.Receipt && Data("dueAt") is null)
            {
                return Cite(CompletenessRule.Citation);
            }

            // A deadline notice cites the rule its deadline comes from; only a notice without a deadline falls back to the act.
            return Cite(Data("citation")
                ?? (DeadlineOptional ? Rules.ActOf(Complaint.Path) : throw Missing("DeadlineCitation", "'citation'")));
        }

        /// <summary>
        /// The rule whose deadline the receipt announces: the one the rule set says governs the answer on completeness on
        /// the case's path (as CompletenessCheckOrchestration starts it).
        /// </summary>
        private StatuteRule CompletenessRule => Rules.RuleFor(Complaint.Path, RuleSteps.CompletenessAnswer);

        private const string ReceiptRule = "P4";
        private const string DecisionDeliveryRule = "P9";
        private const string DecisionCopyRule = "P11";
        private const string FinalResultRule = "O9";

        private string Cite(string citation) => StatuteWording.Citation(citation, Language);

        private string Stage() => Required("Stage", "stage") switch
        {
            nameof(CaseStage.Received) => T("Diterima", "Received"),
            nameof(CaseStage.CompletenessCheck) => T("Pemeriksaan kelengkapan berkas", "Completeness check"),
            nameof(CaseStage.CureWindow) => T("Melengkapi berkas", "Completing the file"),
            nameof(CaseStage.Routing) => T("Penerusan", "Routing"),
            nameof(CaseStage.Examination) => T("Pemeriksaan", "Examination"),
            nameof(CaseStage.Mediation) => T("Mediasi/konsiliasi", "Mediation/conciliation"),
            nameof(CaseStage.SpecialAdjudication) => T("Ajudikasi khusus", "Special adjudication"),
            nameof(CaseStage.Delivery) => T("Penyampaian keputusan", "Delivery of the decision"),
            nameof(CaseStage.CompensationPayment) => T("Pembayaran ganti rugi", "Compensation payment"),
            nameof(CaseStage.CorrectiveActions) => T("Tindakan korektif", "Corrective actions"),
            nameof(CaseStage.RecommendationMonitoring) => T("Pemantauan rekomendasi", "Recommendation monitoring"),
            nameof(CaseStage.Closed) => T("Ditutup", "Closed"),
            nameof(CaseStage.AgreementMonitoring) => T("Pemantauan pelaksanaan kesepakatan", "Monitoring of the agreement"),
            nameof(CaseStage.ResolutionMonitoring) => T("Resolusi dan monitoring", "Resolution and monitoring"),
            var other => other,
        };

        private string RequiredAction()
        {
            if (Notification.TemplateId == NotificationTemplates.MediationScheduled)
            {
                var round = Required("RequiredAction", "round");
                return T($"hadiri mediasi putaran {round}; petugas kami akan mengonfirmasi waktu dan tempatnya", $"attend mediation round {round}; our staff will confirm the time and place");
            }

            if (Data("amount") is { } amount)
            {
                return T($"bayar ganti rugi sebesar {Money(amount)} kepada pengadu", $"pay the compensation of {Money(amount)} to the complainant");
            }

            if (Data("correctiveActions") is { } actions)
            {
                return T($"laksanakan tindakan korektif: {actions}", $"carry out the corrective actions: {actions}");
            }

            return Data("request") switch
            {
                "evidence request" => T($"serahkan dokumen yang diminta: {Required("RequiredAction", "documents")}", $"hand over the documents asked for: {Required("RequiredAction", "documents")}"),
                "clarification request" or "second clarification request" => T("jawab permintaan klarifikasi Ombudsman", "answer the Ombudsman's clarification request"),
                "agreement" => T("laksanakan kesepakatan yang dicapai dalam mediasi atau konsiliasi", "carry out the agreement reached in mediation or conciliation"),
                _ => T("tetapkan dan sampaikan keputusan atas pengaduan ini", "decide on this complaint and deliver the decision"),
            };
        }

        private string Outcome() => Required("Outcome", "result") switch
        {
            nameof(MediationResult.Agreed) => T("tercapai kesepakatan", "the parties agreed"),
            nameof(MediationResult.Failed) => T("tidak tercapai kesepakatan", "no agreement was reached"),
            var other => other,
        };

        private string NextStep() => Data("result") == nameof(MediationResult.Agreed)
            ? T("kesepakatan wajib dilaksanakan; pengaduan diselesaikan sesuai kesepakatan.", "the agreement must be carried out; the complaint is settled by it.")
            : T("pemeriksaan dilanjutkan (atau ajudikasi khusus bila ganti rugi dituntut); kami akan mengabari setiap perkembangan.", "the examination continues (or special adjudication if compensation was claimed); we will report every step.");

        private string DecisionSummary()
        {
            var parts = new List<string>();
            if (Data("finding") is { } finding)
            {
                parts.Add(finding == "maladministration found" ? T("ditemukan maladministrasi", "maladministration found") : T("tidak ditemukan maladministrasi", "no maladministration found"));
            }

            if (Data("decision") is { } decision)
            {
                parts.Add(decision);
            }

            if (Data("amount") is { } amount)
            {
                parts.Add(T($"ganti rugi {Money(amount)}", $"compensation of {Money(amount)}"));
            }

            return parts.Count == 0 ? throw Missing("DecisionSummary", "'finding', 'decision' or 'amount'") : string.Join("; ", parts);
        }

        private string ClosureReason()
        {
            var reason = Required("ClosureReason", "reason") switch
            {
                nameof(CaseClosedReason.Withdrawn) => T("dicabut oleh pengadu", "withdrawn by the complainant"),
                nameof(CaseClosedReason.Rejected) => T("ditolak", "rejected"),
                nameof(CaseClosedReason.NoAuthority) => T("bukan kewenangan kami", "outside our authority"),
                nameof(CaseClosedReason.Resolved) => T("selesai", "resolved"),
                nameof(CaseClosedReason.Decided) => T("telah diputus", "decided"),
                nameof(CaseClosedReason.Referred) => T("dirujuk kepada pihak yang berwenang", "referred to the body that must handle it"),
                nameof(CaseClosedReason.Unresolved) => T("ditutup tanpa penyelesaian", "closed without resolution"),
                nameof(CaseClosedReason.ExaminationStopped) => T("pemeriksaan dihentikan", "examination stopped"),
                var other => other,
            };

            // The reason alone tells the complainant why; the detail only adds to it.
            return Data("detail") is { } detail ? $"{reason}: {detail}" : reason;
        }

        private static string Money(string amount) =>
            decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                ? "Rp " + value.ToString("#,0.##", CultureInfo.InvariantCulture).Replace(',', '.')
                : amount;
    }
}
