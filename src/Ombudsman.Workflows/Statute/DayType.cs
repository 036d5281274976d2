namespace Ombudsman.Workflows.Statute;

/// <summary>How a rule's days are counted: every calendar day, or working days (hari kerja) only.</summary>
public enum DayType
{
    /// <summary>Every day counts, weekends and holidays included.</summary>
    Calendar,

    /// <summary>Saturdays, Sundays, national holidays and collective leave (cuti bersama) do not count.</summary>
    Working,
}
