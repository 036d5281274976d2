namespace Ombudsman.Functions.Identity;

/// <summary>Settings under <c>StaffIdentity</c>: which staff authentication schemes the app trusts.</summary>
internal sealed class StaffIdentityOptions
{
    public const string SectionName = "StaffIdentity";

    /// <summary>
    /// Trust App Service authentication headers (X-MS-CLIENT-PRINCIPAL). Only App Service's front end can set them,
    /// so they are trusted only when it is known to be in front: this setting, or WEBSITE_AUTH_ENABLED=True (set by
    /// App Service when authentication is on). Anywhere else anyone could forge them.
    /// </summary>
    public bool EasyAuthEnabled { get; set; }

    /// <summary>The claim type of the office code in the client principal (e.g. "extn.office" for a directory extension).</summary>
    public string OfficeClaimType { get; set; } = StaffClaimTypes.Office;

    /// <summary>Accept the X-Dev-Staff header: by default in Development only (StaffIdentity:DevelopmentScheme=false turns it off there); elsewhere the app refuses to start with it on.</summary>
    public bool DevelopmentSchemeEnabled { get; set; }
}
