namespace Ombudsman.Workflows.Cases;

/// <summary>
/// Why the Ombudsman stopped an examination (O9: the final result may be "examination stopped", PO 58/2023). The list
/// staff choose from; each is recorded on the case and in its closing detail.
/// </summary>
public enum ExaminationStopReason
{
    /// <summary>The reported party settled the matter during the examination.</summary>
    SettledByReportedParty,

    /// <summary>The same matter is before a court.</summary>
    BeforeCourt,

    /// <summary>Another competent body is already handling the same matter.</summary>
    HandledByAnotherBody,

    /// <summary>The reporter no longer pursues the report or cannot be reached.</summary>
    ReporterNotPursuing,
}

/// <summary>The stop reasons' API names and words.</summary>
public static class ExaminationStopReasons
{
    /// <summary>The names the API and forms use, in list order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<ExaminationStopReason>().Select(Name)];

    /// <summary>The API's name (camelCase, as JSON writes enums), e.g. "beforeCourt".</summary>
    public static string Name(ExaminationStopReason reason)
    {
        var name = reason.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The reason of an API name (case-insensitive), or null.</summary>
    public static ExaminationStopReason? Parse(string? name) =>
        Enum.GetValues<ExaminationStopReason>().Cast<ExaminationStopReason?>()
            .FirstOrDefault(r => string.Equals(Name(r!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The reason in the workflow's (staff) English.</summary>
    public static string Words(ExaminationStopReason reason) => reason switch
    {
        ExaminationStopReason.SettledByReportedParty => "the reported party settled the matter",
        ExaminationStopReason.BeforeCourt => "the same matter is before a court",
        ExaminationStopReason.HandledByAnotherBody => "another competent body is handling the same matter",
        _ => "the reporter no longer pursues the report",
    };
}
