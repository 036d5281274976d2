using System.Globalization;
using System.Runtime.InteropServices;
using Ombudsman.Benchmarks;
using Ombudsman.Testing;

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

static string Format(double value) => value.ToString(value >= 100 ? "0" : "0.00", CultureInfo.InvariantCulture);
