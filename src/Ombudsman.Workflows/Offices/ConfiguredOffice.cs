using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Offices;

/// <summary>
/// A regional office (perwakilan) as configured: what filing needs (code, name, time zone) and what email needs
/// (the staff mailbox for digests and escalations, the dashboard link, the staff's language).
/// </summary>
internal sealed record ConfiguredOffice
{
    /// <summary>The office code cases carry, e.g. "JKT".</summary>
    public required string OfficeId { get; init; }

    public required string Name { get; init; }

    public required OfficeTimeZone TimeZone { get; init; }

    /// <summary>The office's staff mailbox that receives the digest and escalations.</summary>
    public required EmailAddress StaffEmail { get; init; }

    /// <summary>Where staff open the office's deadline list.</summary>
    public required string DashboardLink { get; init; }

    public Language Language { get; init; } = Language.Indonesian;

    /// <summary>The office as a filed complaint records it.</summary>
    public RegionalOffice ForCase() => new() { Code = OfficeId, Name = Name, TimeZoneCode = TimeZone.Code };
}
