using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Notifications;

/// <summary>A regional office (perwakilan) as the staff digest needs it.</summary>
internal sealed record RegionalOffice
{
    public required string OfficeId { get; init; }

    public required string Name { get; init; }

    public required OfficeTimeZone TimeZone { get; init; }

    /// <summary>The office's staff mailbox that receives the digest.</summary>
    public required EmailAddress StaffEmail { get; init; }

    /// <summary>Where staff open the office's deadline list.</summary>
    public required string DashboardLink { get; init; }

    public Language Language { get; init; } = Language.Indonesian;
}
