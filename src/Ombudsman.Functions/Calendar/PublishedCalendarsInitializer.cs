namespace Ombudsman.Functions.Calendar;

/// <summary>Creates the calendars table at start-up when missing.</summary>
internal sealed class PublishedCalendarsInitializer(PublishedCalendars calendars) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => calendars.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
