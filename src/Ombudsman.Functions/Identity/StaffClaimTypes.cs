using System.Security.Claims;

namespace Ombudsman.Functions.Identity;

/// <summary>The claims a staff principal carries once authenticated, whatever the scheme.</summary>
internal static class StaffClaimTypes
{
    /// <summary>The staff member's stable id (Entra object id, or the development id).</summary>
    public const string Id = ClaimTypes.NameIdentifier;

    public const string Name = ClaimTypes.Name;

    /// <summary>One claim per staff role (<see cref="StaffRoles"/>).</summary>
    public const string Role = ClaimTypes.Role;

    /// <summary>The code of the regional office the staff member works for (e.g. "JKT").</summary>
    public const string Office = "office";
}
