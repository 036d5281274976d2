namespace Ombudsman.Functions.Disclosure;

/// <summary>Creates the disclosure table at start-up when missing.</summary>
internal sealed class DisclosuresInitializer(DisclosureStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
