namespace Ombudsman.Workflows.Durable;

/// <summary>An activity as the runtime calls it: services from a fresh DI scope, serialized input in and out.</summary>
public delegate Task<string?> ActivityFunction(IServiceProvider services, string? input, CancellationToken cancellationToken);
