using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// A filed complaint (pengaduan) or report (laporan): the input of the case orchestration. The instant it was
/// received is the orchestration's start time, so the receipt and every clock that starts "from receipt" agree.
/// </summary>
public sealed record Complaint
{
    /// <summary>Complaint to the provider (UU 25/2009) or report to the Ombudsman (UU 37/2008); chosen at intake.</summary>
    public required ComplaintPath Path { get; init; }

    /// <summary>How it reached the Ombudsman; online unless staff recorded it on the complainant's behalf.</summary>
    public IntakeChannel Channel { get; init; } = IntakeChannel.Online;

    /// <summary>Set when staff recorded the complaint on the complainant's behalf, with the complainant's consent.</summary>
    public AssistedIntake? AssistedIntake { get; init; }

    public required RegionalOffice Office { get; init; }

    public required Complainant Complainant { get; init; }

    public required Provider Provider { get; init; }

    /// <summary>How the service fell short of the standard and the loss suffered.</summary>
    public required string Description { get; init; }

    public required string RemedyAsked { get; init; }

    /// <summary>Provider path: the day the complainant received the service (P1 counts from it).</summary>
    public DateOnly? ServiceReceivedOn { get; init; }

    /// <summary>Ombudsman path: the day of the act or decision complained of (O1 counts from it).</summary>
    public DateOnly? EventOn { get; init; }

    /// <summary>Compensation claimed, in rupiah; a claim sends a failed mediation to special adjudication.</summary>
    public decimal? CompensationClaim { get; init; }

    /// <summary>Where the complaint was made and signed (tempat penyampaian), UU 25/2009 art. 42(3).</summary>
    public string? FiledAtPlace { get; init; }

    /// <summary>The complainant's (or representative's) signature: the full name typed as a signed statement, UU 25/2009 art. 42(3).</summary>
    public string? Signature { get; init; }

    /// <summary>Filed on the complainant's behalf under a power of attorney, UU 25/2009 art. 42(2).</summary>
    public Representative? Representative { get; init; }

    /// <summary>Ombudsman path: the prior complaint to the provider (O2).</summary>
    public PriorComplaint? PriorComplaint { get; init; }

    /// <summary>Ombudsman path: staff accepted the report without a prior complaint, with a recorded reason.</summary>
    public PriorComplaintOverride? PriorComplaintOverride { get; init; }
}
