using System.Globalization;

namespace Ombudsman.Workflows.Statute;

/// <summary>A rule's time limit, e.g. 14 calendar days, 30 working days or 2 years.</summary>
public sealed record RuleDuration
{
    /// <summary>A positive number of <see cref="Unit"/>s.</summary>
    public required int Amount { get; init; }

    public required DurationUnit Unit { get; init; }

    /// <summary>Calendar or working days; years are always calendar.</summary>
    public required DayType DayType { get; init; }

    /// <summary>Reads as a person would say it: "14 calendar days", "30 working days", "2 years".</summary>
    public override string ToString() => Unit switch
    {
        DurationUnit.Years => Amount == 1 ? "1 year" : string.Create(CultureInfo.InvariantCulture, $"{Amount} years"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Amount} {(DayType == DayType.Working ? "working" : "calendar")} day{(Amount == 1 ? "" : "s")}"),
    };
}
