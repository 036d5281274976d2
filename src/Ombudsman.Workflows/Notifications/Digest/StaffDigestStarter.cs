using Microsoft.Extensions.Hosting;
using Ombudsman.Workflows.Durable;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// At app start-up, makes sure every configured office has its digest loop. Starting a fixed id that exists
/// starts nothing, so every host and every restart may run this.
/// </summary>
internal sealed class StaffDigestStarter(DurableClient client, OfficeDirectory offices) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var office in offices.All)
        {
            await client.StartAsync(
                StaffDigestOrchestration.Name,
                new StaffDigestRun { OfficeId = office.OfficeId, TimeZoneCode = office.TimeZone.Code },
                StaffDigestOrchestration.InstanceId(office.OfficeId),
                cancellationToken: cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
