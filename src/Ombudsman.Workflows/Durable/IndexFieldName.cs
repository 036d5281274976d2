using System.Text.RegularExpressions;

namespace Ombudsman.Workflows.Durable;

/// <summary>Index field names become table property names, so they are kept to a safe alphabet.</summary>
internal static partial class IndexFieldName
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    private static partial Regex Pattern();
}
