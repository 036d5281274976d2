namespace Ombudsman.Functions.Access;

/// <summary>Creates the access-token table at start-up when missing.</summary>
internal sealed class AccessTokensInitializer(AccessTokenStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
