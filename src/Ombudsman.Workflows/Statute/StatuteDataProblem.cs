namespace Ombudsman.Workflows.Statute;

/// <summary>One thing wrong in a statute data file: which file, which rule or day, which field, and what.</summary>
public sealed record StatuteDataProblem
{
    public required string File { get; init; }

    /// <summary>What the problem is about: "rule P5", "day 2026-03-19", "rule set", "holiday year".</summary>
    public required string Subject { get; init; }

    /// <summary>The JSON field, e.g. "duration.amount".</summary>
    public required string Field { get; init; }

    public required string Message { get; init; }

    public override string ToString() => $"{File}: {Subject}: field '{Field}': {Message}";
}
