namespace Ombudsman.Workflows.Statute;

/// <summary>A day off fixed by the year's joint decree (SKB 3 Menteri).</summary>
public sealed record Holiday
{
    public required DateOnly Date { get; init; }

    public required HolidayKind Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>Anything worth knowing, e.g. "added by amendment of the decree".</summary>
    public string? Note { get; init; }
}
