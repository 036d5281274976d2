using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Says at start-up where email goes, so someone running the app locally knows where to look for it.</summary>
internal sealed partial class EmailDeliveryStartupLog(IEmailTransport transport, EmailOptions options, ILogger<EmailDeliveryStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (transport is PickupDirectoryTransport pickup)
        {
            LogPickup(logger, pickup.Directory);
        }
        else
        {
            LogSendGrid(logger, options.SendGridHost, options.FromAddress);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Email: no Email:SendGridApiKey is set, so every email is written as an .eml file to {PickupDirectory}")]
    private static partial void LogPickup(ILogger logger, string pickupDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email: sent through SendGrid at {SendGridHost} from {FromAddress}")]
    private static partial void LogSendGrid(ILogger logger, string sendGridHost, string fromAddress);
}
