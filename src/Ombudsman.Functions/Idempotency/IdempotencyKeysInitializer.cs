namespace Ombudsman.Functions.Idempotency;

/// <summary>Creates the idempotency-key table at start-up when missing.</summary>
internal sealed class IdempotencyKeysInitializer(IdempotencyRecords records) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => records.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
