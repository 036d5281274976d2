namespace Ombudsman.Functions.Calendar;

/// <summary>Where published calendar versions are kept: the table named by the setting StorageNames:CalendarsTable.</summary>
internal sealed record PublishedCalendarOptions
{
    public string TableName { get; init; } = "OmbudsmanCalendars";
}
