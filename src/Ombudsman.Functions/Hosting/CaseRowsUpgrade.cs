using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Hosting;

/// <summary>
/// At start-up, brings case rows written by an earlier version of the app up to the columns the staff lists filter
/// on (<see cref="CaseReadModel.UpgradeRowsAsync"/>), in the background so the app answers meanwhile. Safe to run on
/// every instance at once: each row is rewritten only if no newer write touched it. A failure is logged as an error
/// and the next start tries again.
/// </summary>
internal sealed class CaseRowsUpgrade(CaseReadModel readModel, ILogger<CaseRowsUpgrade> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var upgraded = await readModel.UpgradeRowsAsync(stoppingToken);
            if (upgraded > 0)
            {
                logger.LogInformation("Brought {Count} case rows up to the current list columns.", upgraded);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping; the next start finishes the upgrade.
        }
        catch (Exception e) when (e is Azure.RequestFailedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            logger.LogError(e, "Could not bring the case rows up to the current list columns; lists may leave out cases written by an earlier version until the next start.");
        }
    }
}
