using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>
/// scripts/run.sh as a newcomer meets it: it starts its own Azurite or stops with a clear message, and hands its
/// arguments to the app. The script runs for real (bash, node, Azurite); `dotnet` is a stand-in on PATH that records how
/// it was called, because what the app does with those settings is the rest of the suite's business.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // a bash script, run as on the developer's Linux or macOS
public sealed class RunScriptTests : IDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(180);

    private readonly string _work = Directory.CreateTempSubdirectory("run-sh-").FullName;

    [Fact]
    public async Task A_taken_azurite_port_stops_the_script_with_a_message_before_the_app_starts()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((IPEndPoint)holder.LocalEndpoint).Port;

        var run = await RunAsync(["--Clock:Mode=Manual"], blobPort: taken);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"port {taken} on 127.0.0.1 is already in use", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet run", run.DotnetCalls, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_passes_its_arguments_to_the_app_with_storage_on_the_azurite_it_started()
    {
        var blobPort = FreePort();
        var run = await RunAsync(["--Clock:Mode=Manual", "--Clock:Start=2026-03-02T01:00:00Z"], blobPort);

        Assert.True(run.ExitCode == 0, run.Output);
        var call = run.DotnetCalls.Split('\n').Single(l => l.StartsWith("dotnet run", StringComparison.Ordinal));
        Assert.EndsWith("-- --urls http://127.0.0.1:7071 --Clock:Mode=Manual --Clock:Start=2026-03-02T01:00:00Z", call, StringComparison.Ordinal);
        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1", run.DotnetCalls, StringComparison.Ordinal);

        // The app saw a live Azurite (the stand-in checked), and the script stopped it on the way out.
        Assert.Contains("azurite-listening", run.DotnetCalls, StringComparison.Ordinal);
        Assert.False(await ListensAsync(blobPort), "Azurite still runs after the script ended");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private async Task<ScriptRun> RunAsync(IReadOnlyList<string> args, int blobPort)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_work, "bin")).FullName;
        var calls = Path.Combine(_work, "dotnet-calls.txt");

        // The stand-in records each call; on `run` it also records the storage it was given and whether Azurite answers there.
        var fake = Path.Combine(bin, "dotnet");
        await File.WriteAllTextAsync(fake, $$"""
            #!/usr/bin/env bash
            echo "dotnet $*" >> '{{calls}}'
            if [ "$1" = run ]; then
              echo "storage: $ConnectionStrings__Storage" >> '{{calls}}'
              (exec 3<>"/dev/tcp/127.0.0.1/{{blobPort}}") 2>/dev/null && echo azurite-listening >> '{{calls}}'
            fi
            exit 0
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "run.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["AZURITE_BLOB_PORT"] = blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AZURITE_QUEUE_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AZURITE_TABLE_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OMBUDSMAN_DATA_DIR"] = Path.Combine(_work, "data");
        start.Environment.Remove("ConnectionStrings__Storage");
        start.Environment.Remove("ASPNETCORE_URLS");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/run.sh did not end within {ScriptTimeout}.");
        }

        output.Append(await stdout).Append(await stderr);
        return new ScriptRun(process.ExitCode, output.ToString(), File.Exists(calls) ? await File.ReadAllTextAsync(calls) : "");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed record ScriptRun(int ExitCode, string Output, string DotnetCalls);
}
