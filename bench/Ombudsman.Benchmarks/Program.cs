using System.Globalization;
using System.Runtime.InteropServices;
using Ombudsman.Benchmarks;
using Ombudsman.Testing;

// Old runtime against the Durable Task engine, driven over HTTP against apps the caller started
// (bench/compare-engines.sh): one pass, then the table over every pass's figures.
if (args.FirstOrDefault() == "compare")
{
    var url = new Uri(Option("--url") ?? throw new ArgumentException("compare needs --url <base>"));
    var label = Option("--label") ?? throw new ArgumentException("compare needs --label <name>");
    var output = Option("--out") ?? throw new ArgumentException("compare needs --out <file.tsv>");
    var scale = args.Contains("--quick") ? ComparisonScale.Quick : ComparisonScale.Full;
    var figures = await new EngineComparison(url, scale, Option("--azurite-log")).RunAsync();
    await File.AppendAllLinesAsync(output, figures.Select(f => $"{label}\t{f.Name}\t{f.Value.ToString("R", CultureInfo.InvariantCulture)}"));
    foreach (var (name, value) in figures)
    {
        Console.WriteLine($"{label}: {name} = {EngineComparison.Format(value)}");
    }

    return;
}

if (args.FirstOrDefault() == "compare-report")
{
    ComparisonReport.Print(args.Skip(1).ToList(), Option("--old") ?? "old", Option("--new") ?? "new");
    return;
}

// The public pages: TTFB and bytes per page, page loads and the filing round trip in chromium:
// dotnet run -c Release --project bench/Ombudsman.Benchmarks -- pages [--requests 200] [--browser-runs 20]
if (args.FirstOrDefault() == "pages")
{
    var requests = int.Parse(Option("--requests") ?? "200", CultureInfo.InvariantCulture);
    var browserRuns = int.Parse(Option("--browser-runs") ?? "20", CultureInfo.InvariantCulture);
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {requests} requests a page, {browserRuns} browser runs");
    var emulator = new AzuriteFixture();
    await emulator.InitializeAsync();
    try
    {
        var figures = await new PageBenchmark(requests, browserRuns).RunAsync(emulator, Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("| page | address | measured | p50 (ms) | p99 (ms) | body (bytes) | stylesheet (bytes) | first visit (bytes) | runs |");
        Console.WriteLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var f in figures)
        {
            var total = f.HtmlBytes is { } html ? (html + (f.CssBytes ?? 0)).ToString(CultureInfo.InvariantCulture) : "";
            Console.WriteLine($"| {f.Name} | `{f.Path}` | {f.Kind} | {Format(f.P50Ms)} | {Format(f.P99Ms)} | {f.HtmlBytes} | {f.CssBytes} | {total} | {f.Runs} |");
        }
    }
    finally
    {
        await emulator.DisposeAsync();
    }

    return;
}

// The staff console's office pages over a large read model: TTFB, bytes and storage requests per page view:
// dotnet run -c Release --project bench/Ombudsman.Benchmarks -- console [--cases 100000] [--requests 200] [--fewest 5] [--budget-seconds 60]
if (args.FirstOrDefault() == "console")
{
    var cases = int.Parse(Option("--cases") ?? "100000", CultureInfo.InvariantCulture);
    var requests = int.Parse(Option("--requests") ?? "200", CultureInfo.InvariantCulture);
    var fewest = int.Parse(Option("--fewest") ?? "5", CultureInfo.InvariantCulture);
    var budget = TimeSpan.FromSeconds(int.Parse(Option("--budget-seconds") ?? "60", CultureInfo.InvariantCulture));
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}; {cases} cases, up to {requests} views a page (at least {fewest}) within about {budget.TotalSeconds:0} s");
    var emulator = new AzuriteFixture();
    await emulator.InitializeAsync();
    try
    {
        var figures = await new ConsoleBenchmark(cases, requests, fewest, budget).RunAsync(emulator, Console.WriteLine);
        Console.WriteLine($"load average after: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| page | address | member | TTFB p50 (ms) | TTFB p99 (ms) | body (bytes) | storage requests per view | in storage requests, p50 (ms) | views |");
        Console.WriteLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var f in figures)
        {
            var storage = f.StorageMin == f.StorageMax ? $"{f.StorageMin}" : $"{f.StorageMin}-{f.StorageMax}";
            Console.WriteLine($"| {f.Name} | `{f.Path}` | {f.Member} | {Format(f.P50Ms)} | {Format(f.P99Ms)} | {f.Bytes} | {storage} | {Format(f.StorageP50Ms)} | {f.Runs} |");
        }
    }
    finally
    {
        await emulator.DisposeAsync();
    }

    return;
}

// HTTP benchmark through the real routes on the local host and its engine:
// dotnet run -c Release --project bench/Ombudsman.Benchmarks -- [http] [--quick]
{
    var httpScale = args.Contains("--quick") ? HttpScale.Quick : HttpScale.Full;
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; scale: {httpScale}");
    var emulator = new AzuriteFixture();
    await emulator.InitializeAsync();
    try
    {
        var figures = await new HttpBenchmark(httpScale).RunAsync(emulator);
        Console.WriteLine();
        Console.WriteLine("| figure | value |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (name, value) in figures)
        {
            Console.WriteLine($"| {name} | {Format(value)} |");
        }
    }
    finally
    {
        await emulator.DisposeAsync();
    }

}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static string Format(double value) => value.ToString(value >= 100 ? "0" : "0.00", CultureInfo.InvariantCulture);
