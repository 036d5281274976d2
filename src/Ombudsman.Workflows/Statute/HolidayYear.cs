namespace Ombudsman.Workflows.Statute;

/// <summary>
/// One year's national holidays and collective leave, with the decree they come from: a data file (version 0) or a
/// version an administrator published through the API (1, 2, ...; the latest replaces the data file).
/// </summary>
public sealed record HolidayYear
{
    public required int Year { get; init; }

    /// <summary>The joint decree (SKB 3 Menteri) that fixes these days, as the data file or the publication names it.</summary>
    public required string Decree { get; init; }

    /// <summary>The file the year was loaded from (embedded resource name or path), or "published version N".</summary>
    public required string Source { get; init; }

    /// <summary>The days off, in date order.</summary>
    public required IReadOnlyList<Holiday> Days { get; init; }

    /// <summary>0 for a data file; 1, 2, ... for the versions published for the year, in order.</summary>
    public int Version { get; init; }

    /// <summary>The decree's number, for a published version (a data file names its decree in <see cref="Decree"/>).</summary>
    public string? DecreeNumber { get; init; }

    /// <summary>The day the decree was signed, for a published version.</summary>
    public DateOnly? DecreeDate { get; init; }

    /// <summary>When the version was published, for a published version.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Who published the version (staff id and name), for a published version.</summary>
    public string? PublishedBy { get; init; }

    /// <summary>
    /// How a deadline's explanation names the calendar it was counted with: "calendar 2027 v2, SKB No. 1/2026 of
    /// 2026-09-15" for a published version, "calendar 2026 v0 (data file holidays/2026.json)" for a data file.
    /// </summary>
    public string Label => Version > 0
        ? $"calendar {Year} v{Version}, {Decree}"
        : $"calendar {Year} v0 (data file {FileName(Source)})";

    /// <summary>The decree as a published version cites it: "SKB No. {number} of {date}".</summary>
    public static string Citation(string decreeNumber, DateOnly decreeDate) =>
        $"SKB No. {decreeNumber} of {decreeDate:yyyy-MM-dd}";

    private static string FileName(string source)
    {
        var path = source.Replace(" (embedded)", "", StringComparison.Ordinal).Replace('\\', '/');
        var holidays = path.LastIndexOf("holidays/", StringComparison.Ordinal);
        return holidays >= 0 ? path[holidays..] : Path.GetFileName(path);
    }
}
