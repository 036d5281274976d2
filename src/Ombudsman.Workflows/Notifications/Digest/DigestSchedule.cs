using Ombudsman.Workflows.Statute;
namespace Ombudsman.Workflows.Notifications;

/// <summary>When an office's morning digest is due: 07:00 in the office's own time zone.</summary>
internal static class DigestSchedule
{
    public static readonly TimeOnly SendAt = new(7, 0);

    /// <summary>The office's calendar date at <paramref name="now"/>.</summary>
    public static DateOnly LocalDate(OfficeTimeZone zone, DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(zone.UtcOffset).DateTime);

    /// <summary>True once today's 07:00 has passed in the office, so this morning's digest may go out.</summary>
    public static bool IsDue(OfficeTimeZone zone, DateTimeOffset now) => TimeOnly.FromDateTime(now.ToOffset(zone.UtcOffset).DateTime) >= SendAt;

    /// <summary>The first 07:00 office time strictly after <paramref name="now"/>, as a UTC instant.</summary>
    public static DateTimeOffset NextRun(OfficeTimeZone zone, DateTimeOffset now)
    {
        var offset = zone.UtcOffset;
        var today = LocalDate(zone, now);
        var run = new DateTimeOffset(today.ToDateTime(SendAt), offset);
        if (run <= now)
        {
            run = new DateTimeOffset(today.AddDays(1).ToDateTime(SendAt), offset);
        }

        return run.ToUniversalTime();
    }
}
