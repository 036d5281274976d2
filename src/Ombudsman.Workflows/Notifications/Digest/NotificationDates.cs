using System.Globalization;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Dates as people read them in each language, in the office's time zone ("Rabu, 25 November 2026",
/// "25 November 2026 23.59 WITA"). Own month and day names: the app runs with invariant globalization.
/// </summary>
internal static class NotificationDates
{
    private static readonly string[] IndonesianMonths =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] IndonesianDays = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    public static string LongDate(DateOnly date, Language language) => language == Language.English
        ? date.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture)
        : $"{IndonesianDays[(int)date.DayOfWeek]}, {date.Day} {IndonesianMonths[date.Month - 1]} {date.Year}";

    public static string DateTime(DateTimeOffset instant, OfficeTimeZone zone, Language language)
    {
        var local = instant.ToOffset(zone.UtcOffset);
        return language == Language.English
            ? $"{local.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} {zone.Code}"
            : $"{local.Day} {IndonesianMonths[local.Month - 1]} {local.Year} {local.ToString("HH.mm", CultureInfo.InvariantCulture)} {zone.Code}";
    }
}
