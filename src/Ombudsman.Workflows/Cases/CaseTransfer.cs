namespace Ombudsman.Workflows.Cases;

/// <summary>Asks which office a transfer hands the case to, and what the pinned rule set cites for it.</summary>
public sealed record CaseTransferRequest
{
    public required string RuleSetVersion { get; init; }

    /// <summary>The office code the head of office chose, as sent.</summary>
    public required string ReceivingOffice { get; init; }
}

/// <summary>The receiving office as configured (name, time zone) and the transfer's citation; or why there is none.</summary>
public sealed record CaseTransferTarget
{
    public RegionalOffice? Office { get; init; }

    /// <summary>The citation of the transfer rule in the case's rule set, e.g. "PO 58/2023 art. 17".</summary>
    public string? Citation { get; init; }

    /// <summary>Why the transfer cannot be made (an office not configured); null when <see cref="Office"/> is set.</summary>
    public string? Problem { get; init; }
}

/// <summary>The rule of the rule set that hands a report to the office of the reported party's territory.</summary>
public static class CaseTransferRule
{
    public const string RuleId = "O13";
}
