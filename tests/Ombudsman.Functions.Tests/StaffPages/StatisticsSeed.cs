using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// A set of cases whose statistics are known, written through the read model as the case orchestration's record
/// activity writes them, for March 2026 (WIB, UTC+7) reported on its last afternoon (<see cref="Now"/>). The answers
/// are worked out by hand in <c>OfficeStatisticsTests</c>; cases sit on both edges of the period.
/// </summary>
internal static class StatisticsSeed
{
    public static readonly DateOnly From = new(2026, 3, 1);
    public static readonly DateOnly To = new(2026, 3, 31);

    /// <summary>17:00 WIB on 31 March 2026.</summary>
    public static readonly DateTimeOffset Now = At("2026-03-31T10:00");

    /// <summary>JKT's cases, then one of BAL's (another office, WITA).</summary>
    public static IReadOnlyList<CaseRecordUpdate> Cases { get; } =
    [
        // Received 2 March, closed resolved 12 March (10 days); P5 answered in time.
        Case("JKT-01", IntakeChannel.Online, ComplaintPath.Provider, "Dinas Kependudukan", ProviderKind.GovernmentUnit, "2026-03-02T03:00",
            closed: ("2026-03-12T03:00", CaseClosedReason.Resolved),
            deadlines: [Deadline("P5", "2026-03-16T17:00", done: "2026-03-05T03:00")]),

        // Same provider spelled differently; P5 passed overdue and was answered after (late); P8 ended with the case.
        Case("JKT-02", IntakeChannel.WalkIn, ComplaintPath.Provider, " dinas kependudukan", ProviderKind.ImplementingOfficer, "2026-03-05T02:00",
            closed: ("2026-03-25T02:00", CaseClosedReason.Withdrawn),
            deadlines:
            [
                Deadline("P5", "2026-03-18T17:00", done: "2026-03-20T02:00", passed: "2026-03-18T17:00", overdue: true),
                Deadline("P8", "2026-05-04T17:00", endedWithCase: true),
            ]),

        // Open in examination, received 10 March (21 days old): O4 passed overdue and is still not done; O5 (the
        // reported party's time) passed without being the office's failure, so it is not counted.
        Case("JKT-03", IntakeChannel.WhatsApp, ComplaintPath.Ombudsman, "RSUD Kota", ProviderKind.Corporation, "2026-03-10T10:00",
            stage: CaseStage.Examination,
            deadlines:
            [
                Deadline("O4", "2026-03-27T17:00", passed: "2026-03-27T17:00", overdue: true),
                Deadline("O5", "2026-03-29T17:00", passed: "2026-03-29T17:00"),
            ]),

        // Received 30 March 23:30 WIB; P5's last day is today and it still runs.
        Case("JKT-04", IntakeChannel.WalkIn, ComplaintPath.Provider, "Polres Jakarta", ProviderKind.GovernmentUnit, "2026-03-30T16:30",
            stage: CaseStage.CompletenessCheck,
            deadlines: [Deadline("P5", "2026-03-31T17:00")]),

        // Received 1 March 00:30 WIB (28 February in UTC): in the period.
        Case("JKT-05", IntakeChannel.Online, ComplaintPath.Provider, "Dinas Perhubungan", ProviderKind.GovernmentUnit, "2026-02-28T17:30",
            stage: CaseStage.Routing),

        // Received 28 February 23:30 WIB: before the period. P8's last day (20 March) is past and the sweeper has not
        // raised it yet: still open and overdue.
        Case("JKT-06", IntakeChannel.Online, ComplaintPath.Provider, "Dinas Perhubungan", ProviderKind.GovernmentUnit, "2026-02-28T16:30",
            stage: CaseStage.Examination,
            deadlines: [Deadline("P8", "2026-03-20T17:00")]),

        // Received in January, deemed withdrawn on 20 March (64 days): the cure window passing is the complainant's
        // time running out, not counted; P5 fell due in January, outside the period.
        Case("JKT-07", IntakeChannel.Letter, ComplaintPath.Provider, "Kantor Pertanahan", ProviderKind.GovernmentUnit, "2026-01-15T03:00",
            closed: ("2026-03-20T03:00", CaseClosedReason.DeemedWithdrawn),
            deadlines:
            [
                Deadline("P5", "2026-01-28T17:00", done: "2026-01-20T03:00"),
                Deadline("P6", "2026-03-19T17:00", passed: "2026-03-19T17:00"),
            ]),

        // Received in December (120 days old), in mediation; P9 met on its last day.
        Case("JKT-08", IntakeChannel.Phone, ComplaintPath.Provider, "Kantor Pertanahan", ProviderKind.GovernmentUnit, "2025-12-01T03:00",
            stage: CaseStage.Mediation,
            deadlines: [Deadline("P9", "2026-03-03T17:00", done: "2026-03-03T05:00")]),

        // Received 15 March, rejected the next day (1 day); P5 ended with the case.
        Case("JKT-09", IntakeChannel.Online, ComplaintPath.Provider, "Dinas Kependudukan", ProviderKind.GovernmentUnit, "2026-03-15T03:00",
            closed: ("2026-03-16T03:00", CaseClosedReason.Rejected),
            deadlines: [Deadline("P5", "2026-03-29T17:00", endedWithCase: true)]),

        // Received and closed before the period: in no figure of it.
        Case("JKT-10", IntakeChannel.Online, ComplaintPath.Provider, "Dinas Kependudukan", ProviderKind.GovernmentUnit, "2026-01-05T03:00",
            closed: ("2026-02-10T03:00", CaseClosedReason.Resolved)),

        // Another office (WITA): received in the period, P5 overdue and open; counted only for all offices.
        Case("BAL-01", IntakeChannel.Outreach, ComplaintPath.Provider, "Dinas Kesehatan Bali", ProviderKind.GovernmentUnit, "2026-03-10T03:00",
            stage: CaseStage.Examination, office: "BAL", zone: "WITA",
            deadlines: [Deadline("P5", "2026-03-24T16:00", passed: "2026-03-24T16:00", overdue: true)]),
    ];

    public static async Task WriteAsync(CaseReadModel readModel)
    {
        foreach (var update in Cases)
        {
            await readModel.ApplyAsync(update);
        }
    }

    private static CaseRecordUpdate Case(
        string id, IntakeChannel channel, ComplaintPath path, string provider, ProviderKind kind, string received,
        CaseStage stage = CaseStage.Closed, (string At, CaseClosedReason Reason)? closed = null, IReadOnlyList<DeadlineRecord>? deadlines = null,
        string office = "JKT", string zone = "WIB") => new()
        {
            CaseId = id,
            Office = office,
            Version = 3,
            InputsHandled = 2,
            Waiting = true,
            Status = new CaseStatus
            {
                CaseId = id,
                Stage = closed is null ? stage : CaseStage.Closed,
                Path = path,
                Channel = channel,
                ProviderName = provider,
                ProviderKind = kind,
                Office = office,
                OfficeTimeZone = zone,
                RuleSetVersion = "2026.1",
                ReceivedAt = At(received),
                Deadlines = [.. deadlines ?? []],
                ClosedAt = closed is { } c ? At(c.At) : null,
                ClosedReason = closed?.Reason,
            },
            FirstSequence = 1,
            NewEntries = [],
            Timers = [],
        };

    private static DeadlineRecord Deadline(string rule, string dueAt, string? done = null, string? passed = null, bool overdue = false, bool endedWithCase = false) => new()
    {
        Key = rule + "-1",
        RuleId = rule,
        DueAt = At(dueAt),
        DoneAt = done is null ? null : At(done),
        PassedAt = passed is null ? null : At(passed),
        Overdue = overdue,
        EndedWithCase = endedWithCase,
    };

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc + "Z", System.Globalization.CultureInfo.InvariantCulture);
}
