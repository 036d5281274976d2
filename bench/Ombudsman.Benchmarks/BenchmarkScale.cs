namespace Ombudsman.Benchmarks;

/// <summary>How much work each figure does; "--quick" shrinks it for a smoke run.</summary>
internal sealed record BenchmarkScale(int Starts, int ActivityRoundTrips, int Pings, int PendingDeadlines, int DueDeadlines)
{
    public static BenchmarkScale Full { get; } = new(500, 300, 300, 100_000, 1_000);

    public static BenchmarkScale Quick { get; } = new(40, 20, 20, 2_000, 100);
}
