namespace Ombudsman.Workflows.Statute;

/// <summary>Which version of a year's calendar a working-day count used: 0 is the data file, 1, 2, ... published versions.</summary>
public sealed record CalendarVersionUsed(int Year, int Version);
