using Ombudsman.Functions.Hosting;

if (FunctionsMetadataFile.IsRequested(args, out var metadataPath, out var settings))
{
    // Build time (Ombudsman.Functions.csproj): what the worker will report, as the package's functions.metadata.
    using var worker = FunctionsWorkerHost.BuildForMetadata(settings);
    await FunctionsMetadataFile.WriteAsync(worker.Services, metadataPath);
}
else if (FunctionsWorkerHost.IsStartedByFunctionsHost(args, Environment.GetEnvironmentVariable))
{
    await FunctionsWorkerHost.Build(args).RunAsync();
}
else
{
    await FunctionAppHost.Build(args).RunAsync();
}

/// <summary>Entry point of the function app, visible to the test host.</summary>
public partial class Program;
