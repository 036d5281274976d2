namespace Ombudsman.Web.Pages.Staff;

/// <summary>The statistics page: whose figures, the period form (values kept, errors by field) and the tables.</summary>
public sealed record StatisticsModel
{
    /// <summary>Whose figures these are: one office, or all offices.</summary>
    public required string Scope { get; init; }

    /// <summary>The period form's values as entered.</summary>
    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>Errors by field name ("from", "to"); when there are any, no figures are shown.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>What the figures cover, in words; null when the period is not valid.</summary>
    public string? Period { get; init; }

    public IReadOnlyList<StatisticsSection> Sections { get; init; } = [];
}

/// <summary>
/// One table of figures with its chart and its CSV download. The first cell of each row names the row; the chart (if
/// any) shows one of its figures per row.
/// </summary>
public sealed record StatisticsSection
{
    /// <summary>The table's id: its heading's anchor and its CSV name.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>A one-line total above the table.</summary>
    public string? Summary { get; init; }

    /// <summary>How the figures are counted.</summary>
    public string? Hint { get; init; }

    public required string CsvUrl { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    public required IReadOnlyList<IReadOnlyList<string>> Rows { get; init; }

    /// <summary>Rows left out of the page (the CSV has them), said in words; null when none are.</summary>
    public string? Note { get; init; }

    public IReadOnlyList<ChartBar> Chart { get; init; } = [];
}

/// <summary>One bar of a horizontal bar chart: its label, its length and the figure written after it.</summary>
public sealed record ChartBar(string Label, double Value, string ValueText);
