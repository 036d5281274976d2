namespace Ombudsman.Functions.Hosting;

/// <summary>The front door this process runs as, for components that behave differently (registered as a singleton).</summary>
internal sealed record HostingModeInfo(HostingMode Mode);
