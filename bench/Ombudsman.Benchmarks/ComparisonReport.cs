using System.Globalization;

namespace Ombudsman.Benchmarks;

/// <summary>
/// The markdown table of a comparison run: per figure, the median over the rounds of each build and the ratio of the
/// medians. Rounds alternate builds in one run, so a drift of the machine's speed hits both.
/// </summary>
internal static class ComparisonReport
{
    public static void Print(IReadOnlyList<string> files, string oldLabel, string newLabel)
    {
        var rows = files
            .Where(f => !f.StartsWith("--", StringComparison.Ordinal) && File.Exists(f))
            .SelectMany(File.ReadAllLines)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 3)
            .Select(parts => (Label: parts[0], Name: parts[1], Value: double.Parse(parts[2], CultureInfo.InvariantCulture)))
            .ToList();
        var names = rows.Select(r => r.Name).Distinct().ToList();
        Console.WriteLine($"| figure | {oldLabel} | {newLabel} | new/old |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var name in names)
        {
            var old = Median(rows.Where(r => r.Name == name && r.Label == oldLabel).Select(r => r.Value).ToList());
            var @new = Median(rows.Where(r => r.Name == name && r.Label == newLabel).Select(r => r.Value).ToList());
            var ratio = old is { } o && @new is { } n && o != 0 ? EngineComparison.Format(n / o) : "—";
            Console.WriteLine($"| {name} | {Cell(old, rows, name, oldLabel)} | {Cell(@new, rows, name, newLabel)} | {ratio} |");
        }
    }

    /// <summary>The median, and each round's value when there were several, so the spread stays visible.</summary>
    private static string Cell(double? median, List<(string Label, string Name, double Value)> rows, string name, string label)
    {
        if (median is not { } m)
        {
            return "—";
        }

        var rounds = rows.Where(r => r.Name == name && r.Label == label).Select(r => EngineComparison.Format(r.Value)).ToList();
        return rounds.Count > 1 ? $"{EngineComparison.Format(m)} ({string.Join(", ", rounds)})" : EngineComparison.Format(m);
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
