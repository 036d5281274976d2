namespace Ombudsman.Workflows.Cases;

/// <summary>Why staff stopped a deadline's clock; the list is closed, so every suspension can be explained and counted.</summary>
public enum SuspensionReason
{
    /// <summary>The office waits for the complainant to clarify the complaint.</summary>
    AwaitingComplainantClarification,

    /// <summary>The parties agreed to extend the period; only the head of office may grant it.</summary>
    AgreedExtension,

    /// <summary>Events beyond the parties' and the office's control (disaster, office closure).</summary>
    ForceMajeure,

    /// <summary>The matter is before a court and the step waits for it.</summary>
    CourtProceedings,
}

/// <summary>The reasons as the API names them and as explanations word them.</summary>
public static class SuspensionReasons
{
    /// <summary>The reason in an explanation or a timeline entry, e.g. "agreed extension by the parties".</summary>
    public static string Words(SuspensionReason reason) => reason switch
    {
        SuspensionReason.AwaitingComplainantClarification => "awaiting the complainant's clarification",
        SuspensionReason.AgreedExtension => "agreed extension by the parties",
        SuspensionReason.ForceMajeure => "force majeure",
        _ => "court proceedings",
    };

    /// <summary>The API's names (camelCase, as JSON writes enums), e.g. "agreedExtension".</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<SuspensionReason>().Select(Name)];

    public static string Name(SuspensionReason reason)
    {
        var name = reason.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Parses an API name (case-insensitive); null for anything else.</summary>
    public static SuspensionReason? Parse(string? name) =>
        Enum.GetValues<SuspensionReason>().Cast<SuspensionReason?>().FirstOrDefault(r => string.Equals(Name(r!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
