using System.Diagnostics;
using System.Reflection;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>
/// The function app as `dotnet publish` packages it, from the build the tests run against (no second build):
/// published once into a temporary folder, deleted at the end.
/// </summary>
public sealed class PublishedApp : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public PublishedApp()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ombudsman-publish-").FullName;
        var configuration = typeof(PublishedApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = System.IO.Path.Combine(RepositoryRoot.Path, "src", "Ombudsman.Functions", "Ombudsman.Functions.csproj");
        var (exitCode, output) = Run("publish", project, "-c", configuration, "--no-build", "--nologo", "-o", Directory);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({exitCode}):\n{output}");
        }
    }

    public string Directory { get; }

    public string Path(string file) => System.IO.Path.Combine(Directory, file);

    /// <summary>Runs the published app (dotnet Ombudsman.Functions.dll) with these arguments; its exit code and output.</summary>
    public (int ExitCode, string Output) RunApp(params string[] args) => Run([Path("Ombudsman.Functions.dll"), .. args]);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish within {Timeout}.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
