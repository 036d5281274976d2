namespace Ombudsman.Functions.Hosting;

/// <summary>The front door this process runs as, for components that behave differently (registered as a singleton).</summary>
public sealed record HostingModeInfo(HostingMode Mode);
