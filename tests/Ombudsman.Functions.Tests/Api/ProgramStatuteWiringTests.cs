using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Api;

/// <summary>The real function app (Program) with the statute wiring, started as its own process on a loopback port, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ProgramStatuteWiringTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [Fact]
    public async Task The_function_app_lists_the_statute_rules()
    {
        await using var app = FunctionApp.Start(Storage());

        var address = await app.Listening.Task.WaitAsync(StartTimeout);
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var response = await client.GetAsync(new Uri("/api/statute/rules/2025.1", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(23, json.RootElement.GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public async Task Invalid_statute_data_stops_the_function_app_at_start_up()
    {
        var missing = Path.Combine(Path.GetTempPath(), "statute-missing-" + Guid.NewGuid().ToString("N"));
        await using var app = FunctionApp.Start([.. Storage(), $"--Statute:DataDirectory={missing}"]);

        await app.Process.WaitForExitAsync().WaitAsync(StartTimeout);

        Assert.NotEqual(0, app.Process.ExitCode);
        Assert.Contains($"{missing}: configuration: field 'Statute:DataDirectory': the directory does not exist", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", app.Output, StringComparison.Ordinal);
    }

    /// <summary>Azurite, with names of this test's own so nothing is shared with other tests.</summary>
    private string[] Storage()
    {
        var prefix = "p" + Guid.NewGuid().ToString("N")[..10];
        return
        [
            $"--ConnectionStrings:Storage={azurite.ConnectionString}",
            $"--StorageNames:InstancesTable={prefix}Instances",
            $"--StorageNames:DeadlinesTable={prefix}Deadlines",
            $"--StorageNames:OrchestratorQueue={prefix}-orchestrator",
            $"--StorageNames:ActivityQueue={prefix}-activity",
            $"--StorageNames:PayloadsContainer={prefix}-payloads",
            $"--StorageNames:EvidenceContainer={prefix}-evidence",
            $"--StorageNames:ProviderDocumentsContainer={prefix}-provider-documents",
        ];
    }

    /// <summary>Ombudsman.Functions.dll from this test's output folder, run with dotnet; killed on dispose.</summary>
    private sealed class FunctionApp : IAsyncDisposable
    {
        private readonly StringBuilder _output = new();

        private FunctionApp(Process process)
        {
            Process = process;
        }

        public Process Process { get; }

        public TaskCompletionSource<string> Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static FunctionApp Start(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ombudsman.Functions.dll"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var app = new FunctionApp(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
            app.Process.EnableRaisingEvents = true;
            app.Process.Exited += (_, _) => app.Listening.TrySetException(new InvalidOperationException($"The app exited: {app.Output}"));
            app.Process.OutputDataReceived += app.OnLine;
            app.Process.ErrorDataReceived += app.OnLine;
            app.Process.BeginOutputReadLine();
            app.Process.BeginErrorReadLine();
            return app;
        }

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            await Process.WaitForExitAsync();
            Listening.TrySetCanceled();
            _ = Listening.Task.Exception; // observed: an early exit is reported by the test that awaited it, if any
            Process.Dispose();
        }

        private void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(e.Data);
            }

            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                Listening.TrySetResult(match.Groups[1].Value);
            }
        }
    }
}
