namespace Ombudsman.Functions.Hosting;

/// <summary>Which front door drives the durable runtime.</summary>
internal enum HostingMode
{
    /// <summary>No Functions host: the app runs the built-in queue pumps and deadline sweeper itself.</summary>
    Standalone,

    /// <summary>Started by the Azure Functions host (FUNCTIONS_CUSTOMHANDLER_PORT set): its triggers invoke the app.</summary>
    CustomHandler,
}
