using System.Diagnostics;
using System.Net;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ombudsman.Functions.Hosting;
using Ombudsman.Functions.Identity;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Benchmarks;

/// <summary>
/// The staff console's office pages over a large read model: <see cref="ConsoleSeed"/> writes the cases into the
/// benchmark's own tables, then the app starts with its storage clients counting requests
/// (<see cref="StorageRequestCounter"/>), and each page in <see cref="Pages"/> is requested one at a time with the
/// development sign-in cookie of its member: time to first byte, bytes, and the storage requests of each view.
/// </summary>
internal sealed class ConsoleBenchmark(int cases, int requests, int fewestViews, TimeSpan budgetPerPage)
{
    private const int WarmUp = 3;

    /// <summary>How long the app may take to finish a view after its response reached the client, before its count is given up.</summary>
    private static readonly TimeSpan CountPatience = TimeSpan.FromSeconds(10);

    /// <summary>One page request may take this long at most.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The pages measured, each as the member who opens it (development staff ids, <see cref="DevelopmentStaff"/>).</summary>
    public static IReadOnlyList<ConsolePageTarget> Pages { get; } =
    [
        new("my office today", "/staff", "jkt-head"),
        new("case list, first page (by due date)", "/staff/cases", "jkt-head"),
        new("case list, last page", "/staff/cases?page=1000", "jkt-head"),
        new("case list, every stage, by age", "/staff/cases?stage=all&sort=age", "jkt-head"),
        new("case list, waiting for my role", "/staff/cases?waiting=me", "jkt-head"),
        new("case list, stage filter", "/staff/cases?stage=Examination", "jkt-head"),
        new("case list, overdue", "/staff/cases?overdue=true", "jkt-head"),
        new("case list, provider filter, by age", "/staff/cases?provider=pertanahan&sort=age", "jkt-head"),
        new("undelivered mail", "/staff/mail", "jkt-head"),
        new("statistics, this month (office)", "/staff/statistics", "jkt-head"),
        new("statistics, whole year (office)", "/staff/statistics?from={yearAgo}&to={today}", "jkt-head"),
        new("statistics, this month (all offices)", "/staff/statistics", "pst-national"),
    ];

    public async Task<IReadOnlyList<ConsolePageFigures>> RunAsync(AzuriteFixture azurite, Action<string> report)
    {
        var prefix = "c" + Guid.NewGuid().ToString("N")[..10];
        var names = new CaseReadModelNames { CasesTable = prefix + "Cases", TimelineTable = prefix + "Timeline", OpenDeadlinesTable = prefix + "Deadlines" };
        var counter = new StorageRequestCounter();
        var now = DateTimeOffset.UtcNow;

        var seeding = Stopwatch.StartNew();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15)))
        {
            var (caseRows, timerRows) = await ConsoleSeed.WriteAsync(new TableServiceClient(azurite.ConnectionString), names, ConsoleSeed.Cases(cases, now), parallel: 4, timeout.Token);
            report($"seeded {caseRows} case rows and {timerRows} open-deadline rows in {seeding.Elapsed.TotalSeconds:0} s");
        }

        return await BenchmarkApp.RunAsync(
            azurite,
            prefix,
            [],
            async baseAddress =>
            {
                var figures = new List<ConsolePageFigures>();
                foreach (var target in Pages)
                {
                    ConsolePageFigures? measured;
                    try
                    {
                        measured = await MeasureAsync(baseAddress, target, counter, report);
                    }
                    catch (TaskCanceledException)
                    {
                        // A view past the bound is a figure too: say so and measure the next page.
                        report($"{target.Name}: a view took longer than {RequestTimeout.TotalSeconds:0} s; not measured");
                        continue;
                    }

                    if (measured is not null)
                    {
                        figures.Add(measured);
                    }
                }

                report($"storage requests outside page views while measuring (startup, the engine's own clients are not counted): {counter.Unscoped}");
                return (IReadOnlyList<ConsolePageFigures>)figures;
            },
            services => CountStorage(services, azurite.ConnectionString, names, counter));
    }

    /// <summary>
    /// The app's storage clients, and the read model built on them, replaced by ones that count every request; the
    /// scheduled sweep and digests are left out: they are not page views, and the sweep would try to raise the seeded
    /// cases' due deadlines on workflows that were never started.
    /// </summary>
    private static void CountStorage(IServiceCollection services, string connectionString, CaseReadModelNames names, StorageRequestCounter counter)
    {
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var tables = new TableServiceClient(connectionString, tableOptions);
        services.AddSingleton(tables);
        services.AddSingleton(new BlobServiceClient(connectionString, blobOptions));
        services.AddSingleton(new CaseReadModel(tables, names));
        services.AddSingleton<IStartupFilter>(new StorageRequestCounter.StartupFilter(counter));
        // Neither the scheduled work nor the start-up upgrade of old case rows is a page view: the seed writes every
        // row in the current shape, so the upgrade's scan of all rows would only compete with the first views.
        var scheduled = services
            .Where(d => d.ServiceType == typeof(IHostedService) && (d.ImplementationType == typeof(ScheduledWorkService) || d.ImplementationType == typeof(CaseRowsUpgrade)))
            .ToList();
        foreach (var descriptor in scheduled)
        {
            services.Remove(descriptor);
        }
    }

    private async Task<ConsolePageFigures?> MeasureAsync(Uri baseAddress, ConsolePageTarget target, StorageRequestCounter counter, Action<string> report)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = RequestTimeout };
        client.DefaultRequestHeaders.Add("Cookie", $"{DevelopmentStaff.CookieName}={target.Member}");
        var path = target.PathToday(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)));
        var view = 0;

        async Task<(HttpStatusCode Status, long Bytes, double Ttfb, double Total, StorageUse? Storage)> ViewAsync()
        {
            var name = $"{target.Name}#{view++}";
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Add(StorageRequestCounter.ViewHeader, name);
            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var ttfb = clock.Elapsed.TotalMilliseconds;
            var body = await response.Content.ReadAsByteArrayAsync();
            var total = clock.Elapsed.TotalMilliseconds;
            return (response.StatusCode, body.Length, ttfb, total, await counter.WaitForAsync(name, CountPatience));
        }

        var first = await ViewAsync();
        if (first.Status != HttpStatusCode.OK)
        {
            report($"{target.Name}: answered {(int)first.Status} ({path}); not measured");
            return null;
        }

        // A page that takes seconds is warm after one view; more would only spend the run's time.
        var warm = new List<double> { first.Total };
        while (warm.Count < WarmUp && warm.Sum() < budgetPerPage.TotalMilliseconds / 10)
        {
            warm.Add((await ViewAsync()).Total);
        }

        // A slow page gets fewer repetitions, so that one page cannot take the whole run; the figures say how many.
        var runs = (int)Math.Clamp(budgetPerPage.TotalMilliseconds / Math.Max(1, warm.Average()), fewestViews, requests);
        var ttfb = new List<double>(runs);
        var storage = new List<int>(runs);
        var storageMs = new List<double>(runs);
        long bytes = 0;
        for (var i = 0; i < runs; i++)
        {
            var measured = await ViewAsync();
            ttfb.Add(measured.Ttfb);
            bytes = measured.Bytes;
            if (measured.Storage is { } use)
            {
                storage.Add(use.Requests);
                storageMs.Add(use.Time.TotalMilliseconds);
            }
        }

        report($"{target.Name}: {runs} views, TTFB p50 {Percentile(ttfb, 0.5):0.0} ms, {Percentile([.. storage.Select(s => (double)s)], 0.5)} storage requests taking {Percentile(storageMs, 0.5):0.0} ms");
        return new ConsolePageFigures(
            target.Name, path, target.Member, Percentile(ttfb, 0.50), Percentile(ttfb, 0.99), bytes, storage.Count == 0 ? null : storage.Min(), storage.Count == 0 ? null : storage.Max(), Percentile(storageMs, 0.50), runs);
    }

    /// <summary>The value at the quantile, nearest rank.</summary>
    private static double Percentile(List<double> values, double quantile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>A console page to measure: its address (<c>{today}</c> and <c>{yearAgo}</c> are filled in) and the member who opens it.</summary>
internal sealed record ConsolePageTarget(string Name, string Path, string Member)
{
    public string PathToday(DateOnly today) => Path
        .Replace("{today}", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{yearAgo}", today.AddYears(-1).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

/// <summary>
/// One page's figures: TTFB p50/p99 (ms), the HTML's bytes, the storage requests of one view (fewest, most) and the
/// median time a view spent in them (ms), and the views measured.
/// </summary>
internal sealed record ConsolePageFigures(
    string Name, string Path, string Member, double P50Ms, double P99Ms, long Bytes, int? StorageMin, int? StorageMax, double StorageP50Ms, int Runs);
