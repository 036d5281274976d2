namespace Ombudsman.Functions.Evidence;

/// <summary>Creates the evidence containers at start-up when missing; start-up fails loudly if storage is unreachable.</summary>
internal sealed class EvidenceContainersInitializer(EvidenceStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.EnsureContainersAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
