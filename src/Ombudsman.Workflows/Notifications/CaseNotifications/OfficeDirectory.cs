using Microsoft.Extensions.Configuration;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// The regional offices of configuration section "Offices" (id, name, WIB/WITA/WIT, staff mailbox, dashboard link).
/// The id is the case's office code, so a case finds its staff mailbox and time zone here.
/// </summary>
internal sealed class OfficeDirectory
{
    public const string Section = "Offices";

    private readonly Dictionary<string, RegionalOffice> _byId;

    public OfficeDirectory(IEnumerable<RegionalOffice> offices)
    {
        All = [.. offices];
        _byId = new Dictionary<string, RegionalOffice>(StringComparer.OrdinalIgnoreCase);
        foreach (var office in All)
        {
            if (!_byId.TryAdd(office.OfficeId, office))
            {
                throw new InvalidOperationException($"Office '{office.OfficeId}' is configured twice.");
            }
        }
    }

    public IReadOnlyList<RegionalOffice> All { get; }

    public RegionalOffice? Find(string officeId) => _byId.GetValueOrDefault(officeId);

    /// <summary>Reads "Offices"; a misconfigured office fails start-up, not a morning digest.</summary>
    public static OfficeDirectory FromConfiguration(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).GetChildren().Select(office => new OfficeSettings
        {
            Id = office["Id"],
            Name = office["Name"],
            TimeZone = office["TimeZone"],
            StaffEmail = office["StaffEmail"],
            DashboardLink = office["DashboardLink"],
            Language = office["Language"],
        });
        return new OfficeDirectory(settings.Select((s, i) => s.ToOffice(i)));
    }

    /// <summary>One office as configured.</summary>
    internal sealed class OfficeSettings
    {
        public string? Id { get; init; }

        public string? Name { get; init; }

        public string? TimeZone { get; init; }

        public string? StaffEmail { get; init; }

        public string? DashboardLink { get; init; }

        public string? Language { get; init; }

        public RegionalOffice ToOffice(int index)
        {
            if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(TimeZone)
                || string.IsNullOrWhiteSpace(StaffEmail) || string.IsNullOrWhiteSpace(DashboardLink))
            {
                throw new InvalidOperationException($"Offices:{index} needs Id, Name, TimeZone, StaffEmail and DashboardLink.");
            }

            if (!Uri.TryCreate(DashboardLink, UriKind.Absolute, out var link) || link.Scheme is not ("https" or "http"))
            {
                throw new InvalidOperationException($"Offices:{index}:DashboardLink must be an absolute http(s) URL.");
            }

            return new RegionalOffice
            {
                OfficeId = Id,
                Name = Name,
                TimeZone = OfficeTimeZone.FromCode(TimeZone),
                StaffEmail = new EmailAddress(StaffEmail, Name),
                DashboardLink = DashboardLink,
                Language = Language is null ? Notifications.Language.Indonesian : LanguageCodes.FromCode(Language),
            };
        }
    }
}
