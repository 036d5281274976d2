namespace Ombudsman.Workflows.Statute;

/// <summary>
/// The time zone a regional office keeps: WIB, WITA or WIT. Indonesia has no daylight saving, so a fixed
/// offset is exact and needs no time-zone database (the app runs with invariant globalization).
/// </summary>
public sealed class OfficeTimeZone
{
    private OfficeTimeZone(string code, string name, int offsetHours, string ianaId)
    {
        Code = code;
        Name = name;
        UtcOffset = TimeSpan.FromHours(offsetHours);
        IanaId = ianaId;
    }

    /// <summary>Western Indonesia Time (Waktu Indonesia Barat), UTC+7.</summary>
    public static OfficeTimeZone Wib { get; } = new("WIB", "Western Indonesia Time", 7, "Asia/Jakarta");

    /// <summary>Central Indonesia Time (Waktu Indonesia Tengah), UTC+8.</summary>
    public static OfficeTimeZone Wita { get; } = new("WITA", "Central Indonesia Time", 8, "Asia/Makassar");

    /// <summary>Eastern Indonesia Time (Waktu Indonesia Timur), UTC+9.</summary>
    public static OfficeTimeZone Wit { get; } = new("WIT", "Eastern Indonesia Time", 9, "Asia/Jayapura");

    public static IReadOnlyList<OfficeTimeZone> All { get; } = [Wib, Wita, Wit];

    /// <summary>"WIB", "WITA" or "WIT".</summary>
    public string Code { get; }

    public string Name { get; }

    public TimeSpan UtcOffset { get; }

    /// <summary>The tz-database name, for clients that display local time.</summary>
    public string IanaId { get; }

    /// <summary>The zone with this code (case-insensitive); throws for anything else.</summary>
    public static OfficeTimeZone FromCode(string code) =>
        All.FirstOrDefault(z => string.Equals(z.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown office time zone '{code}'; expected WIB, WITA or WIT.", nameof(code));

    /// <summary>The legal date an instant falls on in this zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);

    /// <summary>The instant (UTC) a legal date begins in this zone.</summary>
    public DateTimeOffset StartOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), UtcOffset).ToUniversalTime();

    public override string ToString() => Code;
}
