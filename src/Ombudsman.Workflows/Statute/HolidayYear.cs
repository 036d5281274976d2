namespace Ombudsman.Workflows.Statute;

/// <summary>One year's national holidays and collective leave, with the decree they come from.</summary>
public sealed record HolidayYear
{
    public required int Year { get; init; }

    /// <summary>The joint decree (SKB 3 Menteri) that fixes these days, as the data file names it.</summary>
    public required string Decree { get; init; }

    /// <summary>The file the year was loaded from (embedded resource name or path).</summary>
    public required string Source { get; init; }

    /// <summary>The days off, in date order.</summary>
    public required IReadOnlyList<Holiday> Days { get; init; }
}
