using System.Diagnostics;
using Microsoft.Extensions.Options;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Calendar;

/// <summary>
/// The calendar deadlines are counted with: the data files, with the latest published version of each year laid over
/// them. Read from the table at most every <see cref="StatuteOptions.PublishedCalendarCacheDuration"/> (measured on the
/// machine's monotonic clock, not the app's, which may be a manual clock), and at once after a publication in this
/// process; another instance sees a publication within that duration.
/// </summary>
internal sealed class PublishedCalendarSource : ILegalCalendarSource
{
    private readonly LegalCalendar _dataFiles;
    private readonly PublishedCalendars _published;
    private readonly TimeSpan _cacheFor;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private LegalCalendar? _current;
    private long _readAt;

    public PublishedCalendarSource(LegalCalendar dataFiles, PublishedCalendars published, IOptions<StatuteOptions> options)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(options);
        _dataFiles = dataFiles;
        _published = published;
        _cacheFor = options.Value.PublishedCalendarCacheDuration;
        published.Published += () => Volatile.Write(ref _current, null);
    }

    public async ValueTask<LegalCalendar> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } read)
            {
                return read;
            }

            var calendar = _dataFiles.WithPublished(await _published.AllAsync(cancellationToken));
            _readAt = Stopwatch.GetTimestamp();
            Volatile.Write(ref _current, calendar);
            return calendar;
        }
        finally
        {
            _reading.Release();
        }
    }

    private LegalCalendar? Fresh() =>
        Volatile.Read(ref _current) is { } current && Stopwatch.GetElapsedTime(Volatile.Read(ref _readAt)) < _cacheFor ? current : null;
}
