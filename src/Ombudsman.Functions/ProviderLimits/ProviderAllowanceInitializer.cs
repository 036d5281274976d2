namespace Ombudsman.Functions.ProviderLimits;

/// <summary>Creates the provider allowance table at start-up when missing.</summary>
internal sealed class ProviderAllowanceInitializer(ProviderAllowance allowance) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => allowance.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
