using System.Globalization;
using Ombudsman.Workflows.Offices;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Builds an office's morning digest: overdue deadlines and those due within 3 days, earliest first.</summary>
internal static class StaffDigestBuilder
{
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(3);

    /// <summary>Keyed by office and local date, so the digest goes out once per office per day however often this runs.</summary>
    public static string IdempotencyKey(ConfiguredOffice office, DateOnly localDate) =>
        $"staff-digest:{office.OfficeId}:{localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static Notification Build(ConfiguredOffice office, IEnumerable<OpenDeadline> deadlines, DateTimeOffset now)
    {
        var mine = deadlines.Where(d => d.OfficeId == office.OfficeId).OrderBy(d => d.DueAt).ThenBy(d => d.CaseId, StringComparer.Ordinal).ToList();
        var overdue = mine.Where(d => d.DueAt <= now).ToList();
        var dueSoon = mine.Where(d => d.DueAt > now && d.DueAt <= now + DueSoonWindow).ToList();
        var localDate = DigestSchedule.LocalDate(office.TimeZone, now);
        var language = office.Language;
        return new Notification
        {
            IdempotencyKey = IdempotencyKey(office, localDate),
            TemplateId = TemplateIds.StaffDigest,
            Role = RecipientRole.Staff,
            To = office.StaffEmail,
            Language = language,
            CaseId = null,
            Fields = new Dictionary<string, string>
            {
                ["OfficeName"] = office.Name,
                ["DigestDate"] = NotificationDates.LongDate(localDate, language),
                ["OverdueCount"] = overdue.Count.ToString(CultureInfo.InvariantCulture),
                ["OverdueList"] = Lines(overdue, office, now, language),
                ["DueSoonCount"] = dueSoon.Count.ToString(CultureInfo.InvariantCulture),
                ["DueSoonList"] = Lines(dueSoon, office, now, language),
                ["DashboardLink"] = office.DashboardLink,
            },
        };
    }

    private static string Lines(List<OpenDeadline> deadlines, ConfiguredOffice office, DateTimeOffset now, Language language)
    {
        if (deadlines.Count == 0)
        {
            return language == Language.English ? "none" : "tidak ada";
        }

        return string.Join('\n', deadlines.Select(d => Line(d, office, now, language)));
    }

    private static string Line(OpenDeadline deadline, ConfiguredOffice office, DateTimeOffset now, Language language)
    {
        var due = NotificationDates.Deadline(deadline.DueAt, office.TimeZone, language);
        var late = (int)Math.Floor((now - deadline.DueAt).TotalDays);
        var lateness = deadline.DueAt > now || late < 1
            ? ""
            : language == Language.English ? $" ({late} days overdue)" : $" (terlambat {late} hari)";
        var dueWord = language == Language.English ? "due" : "batas waktu";
        return $"{deadline.CaseId}: {deadline.Stage}, {deadline.RuleId} {deadline.Citation}, {dueWord} {due}{lateness}";
    }
}
