namespace Ombudsman.Functions.Identity;

/// <summary>
/// The staff roles, as Entra app role values and as the development scheme spells them. A staff member may hold
/// several; which role may take which case action is <see cref="StaffActionPermissions"/>.
/// </summary>
internal static class StaffRoles
{
    /// <summary>Receives complaints and checks the file is complete (UU 25/2009 art. 45).</summary>
    public const string IntakeOfficer = "intake-officer";

    /// <summary>Examines the case: provider response, clarification, summonses, mediation, delivery (UU 37/2008 art. 28-31).</summary>
    public const string Examiner = "examiner";

    /// <summary>Heads the office: issues decisions and final results, and may take any staff action.</summary>
    public const string HeadOfOffice = "head-of-office";

    /// <summary>Decides special adjudication on compensation (PO 31/2018).</summary>
    public const string Adjudicator = "adjudicator";

    /// <summary>
    /// Maintains the national reference data the deadlines are counted with: publishes and amends a year's holiday
    /// calendar (the SKB 3 Menteri). Not a case role: it is not in <see cref="All"/>, so it opens no office's cases.
    /// </summary>
    public const string Administrator = "administrator";

    /// <summary>
    /// Reads the statistics of every office (national reporting, UU 37/2008 art. 42). Not a case role: it is not in
    /// <see cref="All"/>, so the staff policy and <see cref="StaffMember.From"/> do not admit it and it opens no case,
    /// lists none and takes no action; only the statistics pages admit it (<see cref="StaffMember.StatisticsReaderFrom"/>).
    /// </summary>
    public const string NationalReviewer = "national-reviewer";

    /// <summary>The roles that work on cases (the staff policy admits these).</summary>
    public static IReadOnlyList<string> All { get; } = [IntakeOfficer, Examiner, HeadOfOffice, Adjudicator];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
