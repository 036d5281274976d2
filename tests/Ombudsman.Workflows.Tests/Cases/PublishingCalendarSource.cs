using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// The calendar deadlines are counted with, as the app's published-calendar source keeps it, in memory: the data files
/// with the versions published here laid over them. The decrees are made up for the tests; their days are not the real
/// holidays.
/// </summary>
internal sealed class PublishingCalendarSource(LegalCalendar dataFiles) : ILegalCalendarSource
{
    private readonly List<HolidayYear> _published = [];

    public ValueTask<LegalCalendar> CurrentAsync(CancellationToken cancellationToken = default)
    {
        lock (_published)
        {
            return ValueTask.FromResult(dataFiles.WithPublished([.. _published]));
        }
    }

    /// <summary>Publishes the year's next version: a made-up decree with these national holidays.</summary>
    public CalendarPublication Publish(int year, string decreeNumber, DateOnly decreeDate, DateTimeOffset at, params DateOnly[] holidays)
    {
        lock (_published)
        {
            var version = _published.Count(y => y.Year == year) + 1;
            var published = new HolidayYear
            {
                Year = year,
                Version = version,
                DecreeNumber = decreeNumber,
                DecreeDate = decreeDate,
                Decree = HolidayYear.Citation(decreeNumber, decreeDate),
                PublishedAt = at,
                Source = $"published version {version}",
                Days = [.. holidays.Select(d => new Holiday { Date = d, Kind = HolidayKind.NationalHoliday, Name = "Test holiday" })],
            };
            _published.Add(published);
            return CalendarPublication.Of(published);
        }
    }
}
