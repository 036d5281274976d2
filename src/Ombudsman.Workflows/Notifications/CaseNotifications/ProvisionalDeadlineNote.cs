namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// The words right after a deadline's date in an email when it was counted into a year whose decree on national
/// holidays and collective leave is not published yet (weekends and fixed-date holidays only): it may still move.
/// Empty for a deadline counted with the year's decree.
/// </summary>
internal static class ProvisionalDeadlineNote
{
    public static string For(IEnumerable<int> provisionalYears, Language language)
    {
        var years = string.Join(", ", provisionalYears);
        if (years.Length == 0)
        {
            return "";
        }

        return language == Language.English
            ? $" (provisional: the {years} decree on national holidays and collective leave is not published yet, so this date may change)"
            : $" (sementara: keputusan bersama tentang hari libur nasional dan cuti bersama {years} belum terbit, sehingga tanggal ini dapat berubah)";
    }
}
