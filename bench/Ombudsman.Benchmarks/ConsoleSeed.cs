using System.Globalization;
using Azure.Data.Tables;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Benchmarks;

/// <summary>
/// A year of cases for the console benchmark, made up (the same for the same seed) and written straight into the case
/// read model's cases and open-deadlines tables, in the rows the record activity writes
/// (<see cref="CaseReadModel.CaseRow"/>, <see cref="CaseReadModel.TimerRow"/>), as batched table transactions of one
/// office partition each. Running each case's workflow would take hours at this size. Spread: the four development
/// offices in turn; receipt uniformly over the 365 days before <c>now</c>; about 70 % on the provider path; channels
/// weighted as regional intake is (online most, then walk-in, WhatsApp, phone, letter, outreach); 40 providers per
/// office; older cases mostly closed (by reason, after their receipt); open ones in the stages of their path with
/// the stage's statutory deadline running, passed and recorded overdue, or passed and not yet swept; done deadlines
/// kept as history; about 1 % with an undelivered notification. The timeline table is not seeded: the measured
/// pages do not read it.
/// </summary>
internal static class ConsoleSeed
{
    public static readonly IReadOnlyList<(string Office, OfficeTimeZone Zone)> Offices =
        [("PST", OfficeTimeZone.Wib), ("JKT", OfficeTimeZone.Wib), ("BAL", OfficeTimeZone.Wita), ("PAP", OfficeTimeZone.Wit)];

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private static readonly (IntakeChannel Channel, int Weight)[] Channels =
        [(IntakeChannel.Online, 40), (IntakeChannel.WalkIn, 25), (IntakeChannel.WhatsApp, 15), (IntakeChannel.Phone, 8), (IntakeChannel.Letter, 7), (IntakeChannel.Outreach, 5)];

    private static readonly (CaseClosedReason Reason, int Weight)[] Reasons =
        [(CaseClosedReason.Resolved, 40), (CaseClosedReason.Decided, 20), (CaseClosedReason.Rejected, 15), (CaseClosedReason.Withdrawn, 10), (CaseClosedReason.DeemedWithdrawn, 10), (CaseClosedReason.NoAuthority, 5)];

    private static readonly string[] ProviderUnits =
        ["Dinas Kependudukan dan Pencatatan Sipil", "Kantor Pertanahan", "RSUD", "Dinas Perhubungan", "Polres", "Dinas Pendidikan", "Kantor Imigrasi",
         "PDAM", "Dinas Kesehatan", "Samsat", "Kantor Pajak Pratama", "Dinas Sosial", "Kelurahan", "Kecamatan", "BPJS Kesehatan Cabang", "PLN Unit Layanan",
         "Dinas Penanaman Modal dan PTSP", "Pengadilan Negeri", "Kantor Pos", "Dinas Lingkungan Hidup"];

    /// <summary>The open stages of each path, with the statutory deadline each runs (null: none), and how often a case is there.</summary>
    private static readonly (CaseStage Stage, string? Rule, string? Kind, int Weight)[] ProviderStages =
    [
        (CaseStage.Received, null, null, 2), (CaseStage.CompletenessCheck, "P5", "completeness-answer", 20), (CaseStage.CureWindow, "P6", "cure-window", 8),
        (CaseStage.Routing, null, null, 3), (CaseStage.Examination, "P8", "decision", 35), (CaseStage.Mediation, null, null, 7),
        (CaseStage.Delivery, "P9", "decision-delivery", 10), (CaseStage.CompensationPayment, "P10", "compensation-payment", 15),
    ];

    private static readonly (CaseStage Stage, string? Rule, string? Kind, int Weight)[] OmbudsmanStages =
    [
        (CaseStage.CompletenessCheck, "O4", "completeness-answer", 15), (CaseStage.CureWindow, "O3", "cure-window", 8),
        (CaseStage.Examination, "O5", "clarification-request", 35), (CaseStage.Mediation, "O7", "mediation-round", 10),
        (CaseStage.SpecialAdjudication, "O12", "adjudication-decision", 5), (CaseStage.Delivery, "O8", "draft-result-response", 7),
        (CaseStage.CorrectiveActions, "O10", "corrective-actions", 10), (CaseStage.RecommendationMonitoring, "O11", "recommendation", 10),
    ];

    /// <summary><paramref name="count"/> cases, the offices in turn, as the record activity would write their latest state.</summary>
    public static IEnumerable<CaseRecordUpdate> Cases(int count, DateTimeOffset now, int seed = 13)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (office, zone) = Offices[i % Offices.Count];
            yield return Case(random, office, zone, now);
        }
    }

    /// <summary>
    /// Writes the cases' rows and their running timers' rows: transactions of up to 100 rows of one office partition,
    /// <paramref name="parallel"/> at a time. Returns the numbers of case rows and timer rows written.
    /// </summary>
    public static async Task<(int Cases, int Timers)> WriteAsync(
        TableServiceClient tables, CaseReadModelNames names, IEnumerable<CaseRecordUpdate> cases, int parallel, CancellationToken cancellationToken)
    {
        var caseTable = tables.GetTableClient(names.CasesTable);
        var timerTable = tables.GetTableClient(names.OpenDeadlinesTable);
        await Task.WhenAll(
            caseTable.CreateIfNotExistsAsync(cancellationToken),
            timerTable.CreateIfNotExistsAsync(cancellationToken),
            tables.GetTableClient(names.TimelineTable).CreateIfNotExistsAsync(cancellationToken));

        var batches = new List<(TableClient Table, List<TableTransactionAction> Rows)>();
        int caseRows = 0, timerRows = 0;
        foreach (var office in cases.GroupBy(c => c.Office))
        {
            foreach (var chunk in office.Select(CaseReadModel.CaseRow).Chunk(100))
            {
                batches.Add((caseTable, [.. chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))]));
                caseRows += chunk.Length;
            }

            // Row keys start with the due instant, so a case's timers never collide with another's.
            foreach (var chunk in office.SelectMany(c => c.Timers.Select(t => CaseReadModel.TimerRow(c.Office, c.CaseId, t))).Chunk(100))
            {
                batches.Add((timerTable, [.. chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertMerge, r))]));
                timerRows += chunk.Length;
            }
        }

        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (batch, token) => await batch.Table.SubmitTransactionAsync(batch.Rows, token));
        return (caseRows, timerRows);
    }

    private static CaseRecordUpdate Case(Random random, string office, OfficeTimeZone zone, DateTimeOffset now)
    {
        var receivedAt = now - TimeSpan.FromMinutes(random.Next(30, 365 * 24 * 60));
        var caseId = $"{office.ToLowerInvariant()}-{zone.DateOf(receivedAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{random.GetString(IdAlphabet, 10)}";
        var path = random.Next(100) < 70 ? ComplaintPath.Provider : ComplaintPath.Ombudsman;
        var age = (now - receivedAt).TotalDays;
        var closedShare = age switch
        {
            > 120 => 92,
            > 60 => 70,
            > 30 => 45,
            > 14 => 25,
            _ => 8,
        };

        var deadlines = new List<DeadlineRecord>();

        // The completeness answer every case had once it was checked, done within its 14 days (a few late).
        if (age > 3)
        {
            var late = random.Next(100) < 6;
            deadlines.Add(new DeadlineRecord
            {
                Key = "completeness-answer-1",
                RuleId = path == ComplaintPath.Provider ? "P5" : "O4",
                DueAt = receivedAt.AddDays(14),
                DoneAt = receivedAt.AddDays(Math.Min(age, late ? 16 : random.Next(1, 14))),
                PassedAt = late ? receivedAt.AddDays(14) : null,
                Overdue = late,
            });
        }

        var status = new CaseStatus
        {
            CaseId = caseId,
            Stage = CaseStage.Closed,
            Path = path,
            Channel = Pick(random, Channels),
            ProviderName = $"{ProviderUnits[random.Next(ProviderUnits.Length)]} {ProviderPlace(office, random.Next(2))}",
            ProviderKind = random.Next(100) switch
            {
                < 70 => ProviderKind.GovernmentUnit,
                < 85 => ProviderKind.ImplementingOfficer,
                _ => ProviderKind.Corporation,
            },
            Office = office,
            OfficeTimeZone = zone.Code,
            RuleSetVersion = "2026.1",
            ReceivedAt = receivedAt,
            Deadlines = deadlines,
        };

        var timers = new List<CaseTimerRow>();
        if (random.Next(100) < closedShare)
        {
            status.ClosedAt = receivedAt + TimeSpan.FromHours(random.Next(24, Math.Max(25, (int)(age * 24))));
            status.ClosedReason = Pick(random, Reasons);
            status.ClosedDetail = "Laporan ditutup setelah pemeriksaan.";
        }
        else
        {
            var (stage, rule, kind) = PickStage(random, path == ComplaintPath.Provider ? ProviderStages : OmbudsmanStages);
            status.Stage = stage;
            if (rule is not null)
            {
                // Most deadlines still run; some passed and the case recorded them overdue; a few passed minutes ago
                // and the sweeper has not raised them yet.
                var roll = random.Next(100);
                var dueAt = roll switch
                {
                    < 70 => now + TimeSpan.FromHours(random.Next(1, 60 * 24)),
                    < 95 => now - TimeSpan.FromHours(random.Next(1, 90 * 24)),
                    _ => now - TimeSpan.FromMinutes(random.Next(1, 30)),
                };
                var dueDate = zone.DateOf(dueAt - TimeSpan.FromTicks(1));
                var open = new OpenDeadline
                {
                    RuleId = rule,
                    Kind = kind!,
                    DueAt = dueAt,
                    DueDate = dueDate,
                    Citation = path == ComplaintPath.Provider ? "UU 25/2009 pasal 50" : "UU 37/2008 pasal 28; PO 58/2023",
                    Explanation = "Dihitung dalam hari kerja sejak hari berikutnya setelah laporan diterima; hari libur nasional dan cuti bersama tidak dihitung.",
                    CountedFrom = zone.DateOf(receivedAt).AddDays(1),
                    HolidaysSkipped = random.Next(3),
                    CalendarVersions = [new CalendarVersionUsed(dueDate.Year, 1)],
                };
                var key = kind + "-1";
                var recordedOverdue = roll is >= 70 and < 95;
                deadlines.Add(new DeadlineRecord
                {
                    Key = key,
                    RuleId = rule,
                    DueAt = dueAt,
                    PassedAt = recordedOverdue ? dueAt : null,
                    Overdue = recordedOverdue,
                });
                if (recordedOverdue)
                {
                    status.Overdue = true;
                    status.OverdueRules.Add(rule);
                    status.OverdueDeadlines.Add(open);
                }
                else
                {
                    status.OpenDeadlines.Add(open);
                    timers.Add(new CaseTimerRow { Key = key, DueAt = dueAt, Deadline = open });
                }
            }
        }

        if (random.Next(100) < 1)
        {
            status.EmailNotDelivered = true;
            status.NotDeliveredNotifications.Add($"{caseId}:complainant:received");
        }

        return new CaseRecordUpdate
        {
            CaseId = caseId,
            Office = office,
            Version = 2 + deadlines.Count,
            InputsHandled = 1 + deadlines.Count,
            Waiting = true,
            Status = status,
            FirstSequence = 1,
            NewEntries = [],
            Timers = timers,
        };
    }

    private static string ProviderPlace(string office, int which) => (office, which) switch
    {
        ("PST", 0) => "Kota Jakarta Pusat",
        ("PST", _) => "Kota Bogor",
        ("JKT", 0) => "Kota Jakarta Selatan",
        ("JKT", _) => "Kota Jakarta Timur",
        ("BAL", 0) => "Kota Denpasar",
        ("BAL", _) => "Kabupaten Badung",
        (_, 0) => "Kota Jayapura",
        _ => "Kabupaten Merauke",
    };

    private static T Pick<T>(Random random, (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private static (CaseStage Stage, string? Rule, string? Kind) PickStage(Random random, (CaseStage Stage, string? Rule, string? Kind, int Weight)[] stages)
    {
        var picked = Pick(random, [.. stages.Select(s => ((s.Stage, s.Rule, s.Kind), s.Weight))]);
        return picked;
    }
}
