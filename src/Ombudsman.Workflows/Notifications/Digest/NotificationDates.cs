using System.Globalization;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Dates as people read them in each language, in the office's time zone ("Rabu, 25 November 2026",
/// "25 November 2026 23.59 WITA"). Own month and day names: the app runs with invariant globalization.
/// Deadlines are stated by their last day, inclusively ("paling lambat 15 April 2026 pukul 23.59 WIB"): the
/// instant a period ends is the midnight after it, which read as "16 April 00.00" sounds like a day more.
/// </summary>
internal static class NotificationDates
{
    private static readonly string[] IndonesianMonths =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] IndonesianDays = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    public static string LongDate(DateOnly date, Language language) => language == Language.English
        ? date.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture)
        : $"{IndonesianDays[(int)date.DayOfWeek]}, {date.Day} {IndonesianMonths[date.Month - 1]} {date.Year}";

    /// <summary>The last day of a period, to its last minute: "15 April 2026 pukul 23.59 WIB", "15 April 2026, 23:59 WIB".</summary>
    public static string LastDay(DateOnly lastDay, OfficeTimeZone zone, Language language) =>
        Moment(lastDay, new TimeOnly(23, 59), zone, language);

    /// <summary>
    /// A deadline given as the instant it passes: one that ends a day (midnight in the office) is stated as the day
    /// before, to 23.59; any other is stated as it is.
    /// </summary>
    public static string Deadline(DateTimeOffset endsAt, OfficeTimeZone zone, Language language)
    {
        var local = endsAt.ToOffset(zone.UtcOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return time == TimeOnly.MinValue ? LastDay(date.AddDays(-1), zone, language) : Moment(date, time, zone, language);
    }

    private static string Moment(DateOnly date, TimeOnly time, OfficeTimeZone zone, Language language) => language == Language.English
        ? $"{date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, {time.ToString("HH:mm", CultureInfo.InvariantCulture)} {zone.Code}"
        : $"{date.Day} {IndonesianMonths[date.Month - 1]} {date.Year} pukul {time.ToString("HH.mm", CultureInfo.InvariantCulture)} {zone.Code}";

    public static string DateTime(DateTimeOffset instant, OfficeTimeZone zone, Language language)
    {
        var local = instant.ToOffset(zone.UtcOffset);
        return language == Language.English
            ? $"{local.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} {zone.Code}"
            : $"{local.Day} {IndonesianMonths[local.Month - 1]} {local.Year} {local.ToString("HH.mm", CultureInfo.InvariantCulture)} {zone.Code}";
    }
}
