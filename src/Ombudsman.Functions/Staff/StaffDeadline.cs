namespace Ombudsman.Functions.Staff;

/// <summary>A pending statutory deadline of one of the office's cases.</summary>
internal sealed record StaffDeadline
{
    public required string CaseId { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public string? RuleId { get; init; }

    public required string Kind { get; init; }

    public required string Citation { get; init; }

    public string? Description { get; init; }

    /// <summary>Counted into a year whose holiday decree is not published yet: the last day may still move.</summary>
    public bool Provisional { get; init; }
}
