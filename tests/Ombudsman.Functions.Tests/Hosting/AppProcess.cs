using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>Ombudsman.Functions.dll from the test output folder, run with dotnet as a process of its own; killed on dispose.</summary>
internal sealed partial class AppProcess : IAsyncDisposable
{
    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    private readonly StringBuilder _output = new();

    private AppProcess(Process process)
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

    public static AppProcess Start(params string[] args) => StartIn(AppContext.BaseDirectory, args);

    /// <summary>Starts the app with <paramref name="workingDirectory"/> as its current directory.</summary>
    public static AppProcess StartIn(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ombudsman.Functions.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        app.Process.EnableRaisingEvents = true;
        app.Process.Exited += (_, _) => app.Listening.TrySetException(new InvalidOperationException($"The app exited: {app.Output}"));
        app.Process.OutputDataReceived += app.OnLine;
        app.Process.ErrorDataReceived += app.OnLine;
        app.Process.BeginOutputReadLine();
        app.Process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Ends the process at once (SIGKILL, as <c>kill -9</c>): nothing of the app runs after this.</summary>
    public async Task KillAsync()
    {
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
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
