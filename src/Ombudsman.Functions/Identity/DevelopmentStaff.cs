using Ombudsman.Workflows.Offices;

namespace Ombudsman.Functions.Identity;

/// <summary>
/// The sample staff of a local run: for every configured office, one member per case role and a second examiner (so
/// a case can be assigned to one of two). The development sign-in page offers them; the development scheme accepts
/// their id in the <see cref="CookieName"/> cookie. The head office (<see cref="NationalOffice"/>) also has a national
/// reviewer, who reads every office's statistics and works on no case. Never used where the development scheme is off.
/// </summary>
internal sealed class DevelopmentStaff
{
    /// <summary>The cookie that holds the signed-in sample member's id in a browser.</summary>
    public const string CookieName = "ombudsman-staff";

    private static readonly (string Suffix, string FirstName, string[] Roles)[] Members =
    [
        ("intake", "Sari", [StaffRoles.IntakeOfficer]),
        ("examiner", "Budi", [StaffRoles.Examiner]),
        ("examiner-2", "Rina", [StaffRoles.Examiner]),
        ("head", "Dewi", [StaffRoles.HeadOfOffice]),
        ("adjudicator", "Agus", [StaffRoles.Adjudicator]),
    ];

    /// <summary>The office whose sample staff include the national reviewer.</summary>
    public const string NationalOffice = "PST";

    private readonly Dictionary<string, StaffMember> _byId;

    public DevelopmentStaff(OfficeDirectory offices)
    {
        ArgumentNullException.ThrowIfNull(offices);
        All =
        [
            .. offices.All.SelectMany(office => Members.Select(m => new StaffMember
            {
                Id = $"{office.OfficeId.ToLowerInvariant()}-{m.Suffix}",
                Name = $"{m.FirstName} ({office.OfficeId})",
                Office = office.OfficeId,
                Roles = m.Roles,
            })),
            .. offices.All.Where(o => o.OfficeId == NationalOffice).Select(office => new StaffMember
            {
                Id = $"{office.OfficeId.ToLowerInvariant()}-national",
                Name = $"Wulan ({office.OfficeId})",
                Office = office.OfficeId,
                Roles = [StaffRoles.NationalReviewer],
            }),
        ];
        _byId = All.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<StaffMember> All { get; }

    public StaffMember? Find(string? id) => id is not null ? _byId.GetValueOrDefault(id) : null;
}
