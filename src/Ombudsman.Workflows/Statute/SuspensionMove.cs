namespace Ombudsman.Workflows.Statute;

/// <summary>How a suspension moved a deadline: the days it stood still (in the rule's day type) and the new last day.</summary>
public sealed record SuspensionMove
{
    /// <summary>Days of the rule's day type from the day after the suspension to the resumption day, inclusive.</summary>
    public required int Days { get; init; }

    /// <summary>The new last day (office-local legal date).</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>The end of <see cref="DueDate"/> in the office's zone: the timer's instant.</summary>
    public required DateTimeOffset DueInstant { get; init; }

    /// <summary>True when the moved last day would have been before the resumption day and was set to it.</summary>
    public bool KeptResumptionDay { get; init; }

    /// <summary>The calendar version of each decreed year the working-day count went through.</summary>
    public IReadOnlyList<CalendarVersionUsed> CalendarVersions { get; init; } = [];

    /// <summary>Years the working-day count went through without a decree.</summary>
    public IReadOnlyList<int> ProvisionalYears { get; init; } = [];

    /// <summary>The calendars counted with, as an explanation names them.</summary>
    public IReadOnlyList<string> CalendarsUsed { get; init; } = [];
}
