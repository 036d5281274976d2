namespace Ombudsman.Workflows.Notifications;

/// <summary>Hands one email to the outside world: SendGrid, or the pickup directory when no API key is configured.</summary>
internal interface IEmailTransport
{
    Task<TransportResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
