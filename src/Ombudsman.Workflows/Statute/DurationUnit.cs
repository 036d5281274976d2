namespace Ombudsman.Workflows.Statute;

/// <summary>The unit a rule's duration is stated in.</summary>
public enum DurationUnit
{
    /// <summary>Days, counted by the rule's <see cref="DayType"/>.</summary>
    Days,

    /// <summary>Years, always on the calendar (e.g. the 2-year report limit of UU 37/2008 art. 24).</summary>
    Years,
}
