namespace Ombudsman.Web;

/// <summary>Who is signed in to the console, as the header shows it: name, office name, roles in the visitor's language.</summary>
public sealed record StaffBadge(string Name, string Office, string Roles);

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
