using System.Security.Claims;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Identity;

/// <summary>The authenticated staff member behind a request: who, which office, which roles.</summary>
internal sealed record StaffMember
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Office { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>The member of a principal with an id, an office and at least one staff role; otherwise null.</summary>
    public static StaffMember? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirst(StaffClaimTypes.Id)?.Value;
        var office = user.FindFirst(StaffClaimTypes.Office)?.Value;
        var roles = user.FindAll(StaffClaimTypes.Role).Select(c => c.Value).Where(StaffRoles.IsKnown).Distinct(StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(office) || roles.Count == 0)
        {
            return null;
        }

        return new StaffMember { Id = id, Name = user.FindFirst(StaffClaimTypes.Name)?.Value ?? id, Office = office, Roles = roles };
    }

    /// <summary>
    /// The member of a principal who may read statistics: a case-role member of an office (their office's figures),
    /// or a <see cref="StaffRoles.NationalReviewer"/> (every office's figures); otherwise null. Only for statistics:
    /// everything that touches cases goes through <see cref="From"/>, which does not admit the national role alone.
    /// </summary>
    public static StaffMember? StatisticsReaderFrom(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var national = user.FindAll(StaffClaimTypes.Role).Any(c => c.Value == StaffRoles.NationalReviewer);
        if (From(user) is { } member)
        {
            return national ? member with { Roles = [.. member.Roles, StaffRoles.NationalReviewer] } : member;
        }

        var id = user.FindFirst(StaffClaimTypes.Id)?.Value;
        var office = user.FindFirst(StaffClaimTypes.Office)?.Value;
        return string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(office) || !national
            ? null
            : new StaffMember { Id = id, Name = user.FindFirst(StaffClaimTypes.Name)?.Value ?? id, Office = office, Roles = [StaffRoles.NationalReviewer] };
    }

    /// <summary>Whether the member reads the statistics of every office rather than only their own.</summary>
    public bool ReadsAllOffices => Roles.Contains(StaffRoles.NationalReviewer, StringComparer.Ordinal);

    /// <summary>
    /// The actor the case timeline records: role Staff, the staff id, and the name with the staff roles acted in,
    /// so "who" names both the person and the capacity.
    /// </summary>
    public CaseActor ToActor() => new() { Role = CaseRole.Staff, Id = Id, Name = $"{Name}, {string.Join("/", Roles)}" };
}
