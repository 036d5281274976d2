using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Ombudsman.Infra.Tests;

/// <summary>Runs the bicep CLI that restore fetched (its path is baked in at build time from Directory.Packages.props).</summary>
internal static class BicepCli
{
    // A guard against a hung process, not a performance expectation.
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    public static string ExecutablePath { get; } =
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath").Value
        ?? throw new InvalidOperationException("BicepPath metadata is missing from the test assembly.");

    /// <summary>Compiles a .bicep file to an ARM template and parses it.</summary>
    public static Task<JsonDocument> BuildAsync(string bicepFile, CancellationToken cancellationToken) =>
        CompileAsync("build", bicepFile, cancellationToken);

    /// <summary>Compiles a .bicepparam file (checking it against its template) to an ARM parameters file and parses it.</summary>
    public static Task<JsonDocument> BuildParamsAsync(string bicepParamFile, CancellationToken cancellationToken) =>
        CompileAsync("build-params", bicepParamFile, cancellationToken);

    private static async Task<JsonDocument> CompileAsync(string command, string inputFile, CancellationToken cancellationToken)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"bicep CLI not found at {ExecutablePath}: run dotnet restore (PackageDownload fetches it).");
        }

        var outputDirectory = Directory.CreateTempSubdirectory("ombudsman-bicep-");
        try
        {
            var outputFile = Path.Combine(outputDirectory.FullName, "compiled.json");
            var (exitCode, diagnostics) = await RunAsync([command, inputFile, "--outfile", outputFile], cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"bicep {command} {inputFile} exited with {exitCode}:\n{diagnostics}");
            }

            await using var json = File.OpenRead(outputFile);
            return await JsonDocument.ParseAsync(json, cancellationToken: cancellationToken);
        }
        finally
        {
            outputDirectory.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Diagnostics)> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
