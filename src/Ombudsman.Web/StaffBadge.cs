namespace Ombudsman.Web;

/// <summary>Who is signed in to the console, as the header shows it: name, office name, roles in the visitor's language.</summary>
public sealed record StaffBadge(string Name, string Office, string Roles)
{
    /// <summary>
    /// The member holds a case role, so the office's cases, intake and mail are theirs to open; false for a member who
    /// only reads statistics (a national reviewer), whose navigation offers nothing else.
    /// </summary>
    public bool WorksOnCases { get; init; } = true;
}

/// <summary>The staff console's sections, as its navigation lists them.</summary>
public enum ConsoleSection
{
    None,
    Today,
    Cases,
    Intake,
    Statistics,
    Mail,
}
