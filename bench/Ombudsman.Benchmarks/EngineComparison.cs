using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ombudsman.Benchmarks;

/// <summary>How much work one comparison pass does; "--quick" shrinks it for a smoke run.</summary>
internal sealed record ComparisonScale(int Filings, int FilingConcurrency, int EventCases, int DeadlineCases, int LongHistoryActions, int ReplayTries, TimeSpan IdleWindow)
{
    public static ComparisonScale Full { get; } = new(200, 4, 100, 50, 70, 10, TimeSpan.FromSeconds(20));

    public static ComparisonScale Quick { get; } = new(20, 4, 10, 10, 70, 10, TimeSpan.FromSeconds(10));
}

/// <summary>
/// Measures a running app only through its HTTP routes, so the same driver runs against any build of the app that
/// serves the same API (the old runtime and the Durable Task engine alike). Storage requests are counted at Azurite,
/// from its debug log, because the old tree cannot be instrumented.
/// </summary>
internal sealed partial class EngineComparison(Uri baseUrl, ComparisonScale scale, string? azuriteLog)
{
    private const string IntakeOfficer = "198701-01;JKT;intake-officer;Dewi Lestari";
    private const string HeadOfOffice = "198601-01;JKT;head-of-office;Rina Wijaya";

    /// <summary>Every wait is bounded: a build that never reaches a state fails the run instead of hanging it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);

    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<IReadOnlyList<(string Name, double Value)>> RunAsync()
    {
        var figures = new List<(string, double)>();

        // Warm every route used below (JIT, connection pools, table creation) on a few throw-away cases.
        for (var i = 0; i < 3; i++)
        {
            var warm = await FileAsync();
            await WaitForStageAsync(warm, "completenessCheck");
            await ActAsync(warm, "file-complete", IntakeOfficer, new { });
            await WaitForStageAsync(warm, "examination");
        }

        // Storage requests per case first: later, the figures' hundreds of cases keep the engine busy for a while,
        // and the idle rate measured then would not be the app's background rate.
        figures.AddRange(await StorageRequestsPerCaseAsync());

        // The deadline figure moves the app's one manual clock 15 days: it runs first so that it makes no other
        // figure's cases overdue (and no other figure's open deadlines fall due inside it).
        figures.AddRange(await DeadlineLatenessAsync());
        var filed = await FilingsAsync(figures);
        var examined = await EventToNextStateAsync(filed, figures);
        figures.AddRange(await LongHistoryAsync(examined));
        return figures;
    }

    /// <summary>Figure a: N filings, a few in flight; the POST answers 201 with the receipt data.</summary>
    private async Task<List<string>> FilingsAsync(List<(string, double)> figures)
    {
        var started = new long[scale.Filings];
        var answered = new long[scale.Filings];
        var ids = new string[scale.Filings];
        var begin = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, scale.Filings, new ParallelOptions { MaxDegreeOfParallelism = scale.FilingConcurrency }, async (i, _) =>
        {
            started[i] = Stopwatch.GetTimestamp();
            ids[i] = await FileAsync();
            answered[i] = Stopwatch.GetTimestamp();
        });
        var seconds = Stopwatch.GetElapsedTime(begin, answered.Max()).TotalSeconds;
        var latencies = Enumerable.Range(0, scale.Filings).Select(i => Stopwatch.GetElapsedTime(started[i], answered[i]).TotalMilliseconds).Order().ToList();
        figures.Add(("filings per second (201 with receipt data)", scale.Filings / seconds));
        figures.Add(("filing POST latency, p50 (ms)", Percentile(latencies, 0.50)));
        figures.Add(("filing POST latency, p99 (ms)", Percentile(latencies, 0.99)));
        return [.. ids];
    }

    /// <summary>Figure b: file-complete as staff, then GET every 10 ms until the case shows stage examination.</summary>
    private async Task<List<string>> EventToNextStateAsync(List<string> filed, List<(string, double)> figures)
    {
        var cases = filed.Take(scale.EventCases).ToList();
        foreach (var id in cases)
        {
            await WaitForStageAsync(id, "completenessCheck");
        }

        var times = new List<double>();
        foreach (var id in cases)
        {
            var begin = Stopwatch.GetTimestamp();
            await ActAsync(id, "file-complete", IntakeOfficer, new { });
            await WaitForStageAsync(id, "examination");
            times.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
        }

        times.Sort();
        figures.Add(("event to next committed state, p50 (ms)", Percentile(times, 0.50)));
        figures.Add(("event to next committed state, p99 (ms)", Percentile(times, 0.99)));
        return cases;
    }

    /// <summary>
    /// Figure c: K cases wait in the completeness check (P5, 14 days); the clock moves 15 days once; per case, the time
    /// from the advance request's start until the case reads overdue.
    /// </summary>
    private async Task<IReadOnlyList<(string, double)>> DeadlineLatenessAsync()
    {
        var cases = new List<string>();
        for (var i = 0; i < scale.DeadlineCases; i++)
        {
            cases.Add(await FileAsync());
        }

        foreach (var id in cases)
        {
            await WaitForStageAsync(id, "completenessCheck");
        }

        var overdueAt = new Dictionary<string, double>();
        var begin = Stopwatch.GetTimestamp();
        var advance = _http.PostAsJsonAsync("/api/dev/clock/advance", new { by = "P15D" });
        var pending = new HashSet<string>(cases);
        while (pending.Count > 0)
        {
            Bounded(begin, "cases to read overdue after the clock moved");
            foreach (var id in pending.ToList())
            {
                if ((await GetCaseAsync(id)).GetProperty("overdue").GetBoolean())
                {
                    overdueAt[id] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                    pending.Remove(id);
                }
            }

            await Task.Delay(PollEvery);
        }

        using var answer = await advance;
        var advanceMs = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        await EnsureAsync(answer, HttpStatusCode.OK, "clock advance");
        var times = overdueAt.Values.Order().ToList();
        return
        [
            ("deadline due to overdue shown, p50 (ms, manual clock)", Percentile(times, 0.50)),
            ("deadline due to overdue shown, p99 (ms, manual clock)", Percentile(times, 0.99)),
            ("clock advance request answered after (ms)", advanceMs),
        ];
    }

    /// <summary>
    /// Figure e: one case's history grows by many small accepted actions (evidence requested, then provided, in
    /// turn); then, alternately on it and on a fresh case in the same stage, one more action until it shows.
    /// </summary>
    private async Task<IReadOnlyList<(string, double)>> LongHistoryAsync(List<string> examined)
    {
        var (longCase, freshCase) = (examined[0], examined[1]);
        for (var i = 0; i < scale.LongHistoryActions; i++)
        {
            await ActAsync(longCase, EvidenceAction(i), HeadOfOffice, new { note = "bench" });
        }

        var requested = (scale.LongHistoryActions + 1) / 2;
        var deadline = Stopwatch.GetTimestamp();
        while (CountActions(await GetCaseAsync(longCase), "evidence-requested") < requested ||
               CountActions(await GetCaseAsync(longCase), "evidence-provided") < scale.LongHistoryActions - requested)
        {
            Bounded(deadline, "the long history to be applied");
            await Task.Delay(PollEvery);
        }

        var (longTimes, freshTimes) = (new List<double>(), new List<double>());
        var (longNext, freshNext) = (scale.LongHistoryActions, 0);
        for (var i = 0; i < scale.ReplayTries; i++)
        {
            longTimes.Add(await TimeOneActionAsync(longCase, EvidenceAction(longNext++)));
            freshTimes.Add(await TimeOneActionAsync(freshCase, EvidenceAction(freshNext++)));
        }

        var (longP50, freshP50) = (Median(longTimes), Median(freshTimes));
        return
        [
            ($"event to next state, case with {scale.LongHistoryActions} prior actions, p50 (ms)", longP50),
            ("event to next state, fresh case in the same stage, p50 (ms)", freshP50),
            ("long-history / fresh (ratio)", longP50 / freshP50),
        ];
    }

    /// <summary>
    /// Figure d: storage requests Azurite received during one complete case (filing to closure), raw and minus the
    /// app's idle rate measured over a window just before.
    /// </summary>
    private async Task<IReadOnlyList<(string, double)>> StorageRequestsPerCaseAsync()
    {
        if (azuriteLog is null)
        {
            return [];
        }

        var idleStart = CountRequests();
        var idleBegin = Stopwatch.GetTimestamp();
        await Task.Delay(scale.IdleWindow);
        var idleRate = (CountRequests() - idleStart) / Stopwatch.GetElapsedTime(idleBegin).TotalSeconds;

        var before = CountRequests();
        var begin = Stopwatch.GetTimestamp();
        var id = await FileAsync();
        await WaitForStageAsync(id, "completenessCheck");
        await ActAsync(id, "file-complete", IntakeOfficer, new { });
        await WaitForStageAsync(id, "examination");
        await ActAsync(id, "decision-issued", HeadOfOffice, new { note = "decided" });
        await WaitForStageAsync(id, "delivery");
        await ActAsync(id, "decision-delivered", HeadOfOffice, new { note = "delivered" });
        await WaitForStageAsync(id, "closed");
        var seconds = Stopwatch.GetElapsedTime(begin).TotalSeconds;

        // Let writes that follow the last visible state (read-model, history, queue deletes) land in the count.
        await Task.Delay(TimeSpan.FromSeconds(2));
        seconds += 2;
        double raw = CountRequests() - before;
        return
        [
            ("storage requests per complete case, raw", raw),
            ("idle storage requests per second (app's background)", idleRate),
            ("storage requests per complete case, idle-corrected", raw - (idleRate * seconds)),
            ("complete case wall time incl. 2 s settle (s)", seconds),
        ];
    }

    private async Task<double> TimeOneActionAsync(string caseId, string action)
    {
        var before = CountActions(await GetCaseAsync(caseId), action);
        var begin = Stopwatch.GetTimestamp();
        await ActAsync(caseId, action, HeadOfOffice, new { note = "bench" });
        while (CountActions(await GetCaseAsync(caseId), action) <= before)
        {
            Bounded(begin, $"'{action}' to show on {caseId}");
            await Task.Delay(PollEvery);
        }

        return Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
    }

    private static string EvidenceAction(int i) => i % 2 == 0 ? "evidence-requested" : "evidence-provided";

    private static int CountActions(JsonElement status, string action) =>
        status.GetProperty("timeline").EnumerateArray().Count(e =>
            e.TryGetProperty("what", out var what) && what.GetString() is { } text && text.StartsWith(action, StringComparison.Ordinal));

    private async Task<string> FileAsync()
    {
        using var response = await _http.PostAsJsonAsync("/api/complaints", new
        {
            path = "provider",
            office = "JKT",
            complainant = new { name = "Siti Rahayu", email = "siti@example.test", address = "Jl. Merdeka 1, Jakarta", phone = "+62215550100" },
            provider = new { name = "Kantor Pertanahan Kota Bekasi", kind = "governmentUnit" },
            description = "Land certificate not issued within the service standard; two trips lost.",
            remedyAsked = "Issue the certificate and refund the travel costs.",

            // Before the manual clock's start (2026-03-02) and inside the filing window after it moves 15 days.
            serviceReceivedOn = "2026-02-27",
            filedAtPlace = "Jakarta",
            signature = "Siti Rahayu",
        });
        var text = await EnsureAsync(response, HttpStatusCode.Created, "filing");
        var body = JsonDocument.Parse(text).RootElement;
        if (!body.TryGetProperty("receiptNumber", out _) || !body.TryGetProperty("trackingToken", out _))
        {
            throw new InvalidOperationException($"Filing answered without receipt data: {text}");
        }

        return body.GetProperty("caseId").GetString()!;
    }

    private async Task ActAsync(string caseId, string action, string staff, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/{action}") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Dev-Staff", staff);
        using var response = await _http.SendAsync(request);
        await EnsureAsync(response, HttpStatusCode.Accepted, $"{action} on {caseId}");
    }

    private async Task<JsonElement> GetCaseAsync(string caseId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/staff/cases/{caseId}");
        request.Headers.Add("X-Dev-Staff", HeadOfOffice);
        using var response = await _http.SendAsync(request);

        // Right after the filing the case may not be readable yet: that is "not there yet", not an error.
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return JsonDocument.Parse("""{"stage":"","overdue":false,"timeline":[]}""").RootElement;
        }

        return JsonDocument.Parse(await EnsureAsync(response, HttpStatusCode.OK, $"reading {caseId}")).RootElement;
    }

    private async Task WaitForStageAsync(string caseId, string stage)
    {
        var begin = Stopwatch.GetTimestamp();
        while (!string.Equals((await GetCaseAsync(caseId)).GetProperty("stage").GetString(), stage, StringComparison.OrdinalIgnoreCase))
        {
            Bounded(begin, $"{caseId} to reach {stage}");
            await Task.Delay(PollEvery);
        }
    }

    private static void Bounded(long begin, string what)
    {
        if (Stopwatch.GetElapsedTime(begin) > Patience)
        {
            throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
        }
    }

    private static async Task<string> EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == expected
            ? text
            : throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
    }

    /// <summary>Azurite logs one "...StorageContextMiddleware: RequestMethod=" line per request it receives.</summary>
    private long CountRequests()
    {
        using var stream = new FileStream(azuriteLog!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        long count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (RequestLine().IsMatch(line))
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex("StorageContextMiddleware: RequestMethod=")]
    private static partial Regex RequestLine();

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    public static string Format(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : "0.00", CultureInfo.InvariantCulture);
}
