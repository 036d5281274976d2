namespace Ombudsman.Workflows.Statute;

/// <summary>Settings for the statute rules and the legal calendar (configuration section "Statute").</summary>
public sealed class StatuteOptions
{
    public const string SectionName = "Statute";

    /// <summary>
    /// An extra directory of data files loaded after the shipped ones, laid out like the shipped data:
    /// <c>rulesets/*.json</c> and <c>holidays/*.json</c>. Lets an administrator add a holiday year or a rule-set
    /// version without a release. Null for none; a directory that does not exist fails start-up.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// When a working-day count reaches a year with no holiday calendar loaded, count weekends only instead of
    /// failing, and report it on the deadline. Off by default: the system never guesses holidays silently.
    /// </summary>
    public bool AllowWeekendOnlyFallback { get; set; }

    /// <summary>
    /// When a working-day count enters a year with no decree (no data file and no published version), count that
    /// year provisionally: weekends and the fixed-date national holidays (1 January, 1 May, 1 June, 17 August,
    /// 25 December), and mark the deadline provisional, instead of making the case wait. On by default: a late
    /// decree must not stop cases. Takes precedence over <see cref="AllowWeekendOnlyFallback"/>.
    /// </summary>
    public bool ProvisionalYears { get; set; } = true;

    /// <summary>How long a published calendar version read from storage is reused before it is read again.</summary>
    public TimeSpan PublishedCalendarCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Move the last day of a calendar-day (or year) rule to the next working day when it falls on a weekend,
    /// holiday or collective leave. Off by default, as STATUTE.md asks (the move applies to working-day rules,
    /// whose last day is a working day by construction).
    /// </summary>
    public bool MoveCalendarDeadlinesToNextWorkingDay { get; set; }

    /// <summary>
    /// A deadline suspended for longer than this many calendar days is flagged to the head of office once (an email to
    /// the office's staff mailbox), so no clock stays stopped unnoticed.
    /// </summary>
    public int SuspensionAlertDays { get; set; } = 30;
}
