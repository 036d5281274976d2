using System.Globalization;
using System.Runtime.InteropServices;
using Ombudsman.Benchmarks;
using Ombudsman.Testing;
using Ombudsman.Workflows.Durable.Storage.Azure;
using Ombudsman.Workflows.Durable.Storage.InMemory;

// Durable runtime benchmark: each figure on Azure Storage (Azurite on this machine) and on the in-memory store,
// in the same run, with the ratio Azurite / in-memory. Usage: dotnet run -c Release --project bench/Ombudsman.Benchmarks [-- --quick]
// HTTP benchmark (issue 5): dotnet run -c Release --project bench/Ombudsman.Benchmarks -- http [--quick]
if (args.FirstOrDefault() == "http")
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

    return;
}

var scale = args.Contains("--quick") ? BenchmarkScale.Quick : BenchmarkScale.Full;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; scale: {scale}");

var inMemory = await new RuntimeBenchmark("in-memory", InMemoryDurableStorage.Create(TimeProvider.System), null, scale).RunAsync();

var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
try
{
    var counter = new StorageOperationCounter();
    var storage = await AzureDurableStorage.CreateAsync(azurite.ConnectionString, AzureStorageNames.WithPrefix("bench"), counter, CancellationToken.None);
    var azure = await new RuntimeBenchmark("azurite", storage, () => counter.Count, scale).RunAsync();

    Console.WriteLine();
    Console.WriteLine("| figure | Azurite | in-memory | Azurite / in-memory |");
    Console.WriteLine("| --- | ---: | ---: | ---: |");
    foreach (var (name, value) in azure)
    {
        var memory = inMemory.GetValueOrDefault(name, double.NaN);
        var ratio = double.IsNaN(memory) || memory == 0 ? "—" : (value / memory).ToString("0.00", CultureInfo.InvariantCulture);
        var memoryText = double.IsNaN(memory) ? "—" : Format(memory);
        Console.WriteLine($"| {name} | {Format(value)} | {memoryText} | {ratio} |");
    }
}
finally
{
    await azurite.DisposeAsync();
}

static string Format(double value) => value.ToString(value >= 100 ? "0" : "0.00", CultureInfo.InvariantCulture);
