namespace Ombudsman.Workflows.Cases;

/// <summary>
/// A complaint staff recorded on the complainant's behalf (walk-in, WhatsApp, phone, letter, outreach): who recorded
/// it, and how the complainant agreed to that. The channel itself is <see cref="Complaint.Channel"/>.
/// </summary>
public sealed record AssistedIntake
{
    /// <summary>The staff id of the member who recorded the report.</summary>
    public required string RecordedById { get; init; }

    /// <summary>Their name: the receiving official on the receipt (petugas penerima, UU 25/2009 art. 44).</summary>
    public required string RecordedByName { get; init; }

    /// <summary>How the complainant gave consent, in staff's words (e.g. "agreed at the counter, signed the intake form").</summary>
    public required string ConsentNote { get; init; }

    /// <summary>The member as the case timeline records them.</summary>
    public CaseActor ToActor() => new() { Role = CaseRole.Staff, Id = RecordedById, Name = RecordedByName };
}
