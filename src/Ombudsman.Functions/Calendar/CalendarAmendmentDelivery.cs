using Microsoft.Extensions.Options;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Calendar;

/// <summary>
/// Tells running cases of each published calendar version (<see cref="CalendarAmendmentFanOut"/>), out of the
/// publishing request so that a publication concerning thousands of cases answers at once.
/// <para>
/// Why a sweep over the stored versions rather than a fan-out started by the request: the version's row is written once,
/// with "cases not yet told", in the same write that publishes it, so there is no moment at which the publication is
/// stored but the duty to tell the cases is not. Whatever dies midway (the request, this process, a fan-out half done),
/// the next sweep finds the row still untold and runs the fan-out again, which is safe to repeat (a case told twice
/// applies a version once, and one that recounted is no longer listed). A durable orchestration started by the request
/// would need the same sweep anyway for a crash between storing the row and starting it.
/// </para>
/// <para>
/// A version is marked told only once every instance must have read it (the published-calendar cache duration has
/// passed since it was stored): a deadline another instance counted with its cached, older calendar in the meantime is
/// still listed as counted with the older version, and the next sweep tells its case too.
/// </para>
/// </summary>
internal sealed partial class CalendarAmendmentDelivery(
    PublishedCalendars calendars, IServiceScopeFactory scopes, IOptions<StatuteOptions> statute, ILogger<CalendarAmendmentDelivery> logger)
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>A version was just published: sweep now rather than at the next interval.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A sweep is already due.
        }
    }

    /// <summary>Until <see cref="Wake"/> or <paramref name="interval"/>, whichever is first.</summary>
    public Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken) => _wake.WaitAsync(interval, cancellationToken);

    /// <summary>Tells the cases of every version not yet marked told; returns how many raises were made.</summary>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DeliverPendingAsync(scope.ServiceProvider.GetRequiredService<CalendarAmendmentFanOut>(), cancellationToken);
    }

    /// <summary>
    /// As <see cref="DeliverPendingAsync(CancellationToken)"/>, raising through <paramref name="fanOut"/>: in Azure the
    /// durable client is the timer invocation's binding, not a service.
    /// </summary>
    public async Task<int> DeliverPendingAsync(CalendarAmendmentFanOut fanOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fanOut);
        var raised = 0;
        foreach (var (calendar, storedAt) in await calendars.NotYetToldAsync(cancellationToken))
        {
            raised += (await fanOut.RaiseAsync(CalendarPublication.Of(calendar), cancellationToken)).Count;

            // Table time against the machine's: the row's timestamp is the store's clock, never the app's (a manual clock).
            if (DateTimeOffset.UtcNow - storedAt > statute.Value.PublishedCalendarCacheDuration)
            {
                await calendars.MarkCasesToldAsync(calendar, cancellationToken);
                LogTold(logger, calendar.Label);
            }
        }

        return raised;
    }

    [LoggerMessage(LogLevel.Information, "{Calendar}: every running case it concerns has been told.")]
    private static partial void LogTold(ILogger logger, string calendar);
}

/// <summary>The local host's loop for <see cref="CalendarAmendmentDelivery"/>: at each publication and every interval.</summary>
internal sealed partial class CalendarAmendmentService(
    CalendarAmendmentDelivery delivery, Hosting.ScheduledWorkOptions options, ILogger<CalendarAmendmentService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await delivery.DeliverPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            await delivery.WaitAsync(options.SweepInterval, stoppingToken);
        }
    }

    [LoggerMessage(LogLevel.Error, "Telling running cases of a published calendar failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
