using Microsoft.Extensions.Configuration;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Offices;

/// <summary>
/// The regional offices of configuration section "Offices" ({n}:Id, Name, TimeZone, StaffEmail, DashboardLink,
/// Language), read once at start-up for both filing (which offices a complaint can name, the zone its dates are
/// counted in) and email (the staff mailbox and language of each office).
/// </summary>
internal sealed class OfficeDirectory
{
    public const string Section = "Offices";

    private readonly Dictionary<string, ConfiguredOffice> _byId;

    public OfficeDirectory(IEnumerable<ConfiguredOffice> offices)
    {
        All = [.. offices];
        _byId = All.ToDictionary(o => o.OfficeId, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ConfiguredOffice> All { get; }

    public IEnumerable<string> Codes => All.Select(o => o.OfficeId);

    public ConfiguredOffice? Find(string? officeId) => officeId is not null ? _byId.GetValueOrDefault(officeId) : null;

    /// <summary>
    /// Reads "Offices" and fails start-up naming every problem at once. An empty section is an error too, except
    /// with <paramref name="developmentDefaults"/>, where the offices of a local run are used (their staff
    /// mailboxes are .invalid addresses: local mail goes to the pickup directory, never to a person).
    /// </summary>
    public static OfficeDirectory FromConfiguration(IConfiguration configuration, bool developmentDefaults = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sections = configuration.GetSection(Section).GetChildren().ToList();
        if (sections.Count == 0)
        {
            return developmentDefaults
                ? new OfficeDirectory(DevelopmentOffices)
                : throw new OfficeConfigurationException([
                    $"{Section} is empty: configure every regional office as {Section}:{{n}}:Id, Name, TimeZone, StaffEmail and DashboardLink (the Bicep parameter 'offices' writes them)."]);
        }

        var problems = new List<string>();
        var offices = new List<ConfiguredOffice>();
        foreach (var section in sections)
        {
            if (Read(section, problems) is { } office)
            {
                offices.Add(office);
            }
        }

        foreach (var duplicate in offices.GroupBy(o => o.OfficeId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"office '{duplicate.Key}' is configured {duplicate.Count()} times.");
        }

        return problems.Count == 0 ? new OfficeDirectory(offices) : throw new OfficeConfigurationException(problems);
    }

    /// <summary>The offices a local run and the tests use when none are configured.</summary>
    public static IReadOnlyList<ConfiguredOffice> DevelopmentOffices { get; } =
    [
        Development("PST", "Ombudsman Republik Indonesia, Kantor Pusat (Jakarta)", OfficeTimeZone.Wib),
        Development("JKT", "Ombudsman RI Perwakilan Jakarta Raya", OfficeTimeZone.Wib),
        Development("BAL", "Ombudsman RI Perwakilan Bali", OfficeTimeZone.Wita),
        Development("PAP", "Ombudsman RI Perwakilan Papua", OfficeTimeZone.Wit),
    ];

    private static ConfiguredOffice Development(string id, string name, OfficeTimeZone zone) => new()
    {
        OfficeId = id,
        Name = name,
        TimeZone = zone,
        StaffEmail = new EmailAddress($"staf.{id.ToLowerInvariant()}@ombudsman.invalid", name),
        DashboardLink = $"http://127.0.0.1:7071/api/staff/deadlines?office={id}",
    };

    private static ConfiguredOffice? Read(IConfigurationSection section, List<string> problems)
    {
        var at = $"{Section}:{section.Key}";
        var before = problems.Count;
        string? Required(string key)
        {
            var value = section[key]?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                problems.Add($"{at}:{key} is required.");
                return null;
            }

            return value;
        }

        var id = Required("Id");
        var name = Required("Name");
        var zoneCode = Required("TimeZone");
        var staffEmail = Required("StaffEmail");
        var dashboardLink = Required("DashboardLink");
        var languageCode = section["Language"]?.Trim();

        var zone = zoneCode is null ? null : OfficeTimeZone.All.FirstOrDefault(z => string.Equals(z.Code, zoneCode, StringComparison.OrdinalIgnoreCase));
        if (zoneCode is not null && zone is null)
        {
            problems.Add($"{at}:TimeZone is '{zoneCode}'; expected WIB, WITA or WIT.");
        }

        EmailAddress? mailbox = null;
        if (staffEmail is not null)
        {
            try
            {
                mailbox = new EmailAddress(staffEmail, name);
            }
            catch (ArgumentException)
            {
                problems.Add($"{at}:StaffEmail '{staffEmail}' is not an email address.");
            }
        }

        if (dashboardLink is not null && (!Uri.TryCreate(dashboardLink, UriKind.Absolute, out var link) || link.Scheme is not ("https" or "http")))
        {
            problems.Add($"{at}:DashboardLink '{dashboardLink}' is not an absolute http(s) URL.");
        }

        var language = Language.Indonesian;
        if (!string.IsNullOrEmpty(languageCode))
        {
            if (languageCode is "id" or "en")
            {
                language = LanguageCodes.FromCode(languageCode);
            }
            else
            {
                problems.Add($"{at}:Language is '{languageCode}'; expected id or en.");
            }
        }

        return problems.Count > before
            ? null
            : new ConfiguredOffice { OfficeId = id!, Name = name!, TimeZone = zone!, StaffEmail = mailbox!, DashboardLink = dashboardLink!, Language = language };
    }
}
