namespace Ombudsman.Workflows.Statute;

/// <summary>The statute data failed validation at start-up; lists every problem found, not just the first.</summary>
public sealed class StatuteDataException : Exception
{
    public StatuteDataException(IReadOnlyList<StatuteDataProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<StatuteDataProblem> Problems { get; }

    private static string Describe(IReadOnlyList<StatuteDataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"Statute data is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
            + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
    }
}
