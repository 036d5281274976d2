namespace Ombudsman.Functions.Hosting;

/// <summary>Which host runs the app, and so who drives the durable runtime.</summary>
internal enum HostingMode
{
    /// <summary>No Functions host: the app runs the built-in queue pumps and deadline sweeper itself.</summary>
    Standalone,

    /// <summary>Started by the Azure Functions host as its .NET isolated worker: the host's triggers invoke the app, which runs no pumps.</summary>
    FunctionsWorker,
}
