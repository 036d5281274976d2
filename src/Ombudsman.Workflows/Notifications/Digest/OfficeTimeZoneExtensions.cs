namespace Ombudsman.Workflows.Notifications;

/// <summary>Offsets and labels of <see cref="OfficeTimeZone"/>.</summary>
internal static class OfficeTimeZoneExtensions
{
    public static TimeSpan Offset(this OfficeTimeZone zone) => zone switch
    {
        OfficeTimeZone.Wib => TimeSpan.FromHours(7),
        OfficeTimeZone.Wita => TimeSpan.FromHours(8),
        OfficeTimeZone.Wit => TimeSpan.FromHours(9),
        _ => throw new ArgumentOutOfRangeException(nameof(zone), zone, "unknown time zone"),
    };

    public static string Label(this OfficeTimeZone zone) => zone.ToString().ToUpperInvariant();

    public static DateTimeOffset ToLocal(this OfficeTimeZone zone, DateTimeOffset instant) => instant.ToOffset(zone.Offset());
}
