using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Api;

/// <summary>
/// The offices a complaint can be filed with, by code (setting "Offices": [{Id, Name, TimeZone, ...}]); a small default
/// set when none is configured. Legal dates of a case are counted in its office's zone.
/// </summary>
internal sealed class OfficeDirectory
{
    private static readonly RegionalOffice[] Defaults =
    [
        new() { Code = "PST", Name = "Ombudsman Republik Indonesia, Kantor Pusat (Jakarta)", TimeZoneCode = "WIB" },
        new() { Code = "JKT", Name = "Ombudsman RI Perwakilan Jakarta Raya", TimeZoneCode = "WIB" },
        new() { Code = "BAL", Name = "Ombudsman RI Perwakilan Bali", TimeZoneCode = "WITA" },
        new() { Code = "PAP", Name = "Ombudsman RI Perwakilan Papua", TimeZoneCode = "WIT" },
    ];

    private readonly Dictionary<string, RegionalOffice> _byCode;

    public OfficeDirectory(IEnumerable<RegionalOffice> offices) =>
        _byCode = offices.ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Codes => _byCode.Keys;

    /// <summary>
    /// Reads "Offices", the section the email layer reads too (Id, Name, TimeZone, StaffEmail, DashboardLink); the
    /// filing API needs the first three. A malformed office fails start-up with the entry named.
    /// </summary>
    public static OfficeDirectory From(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Offices").GetChildren().Select((office, i) => new RegionalOffice
        {
            Code = Required(office, "Id", i),
            Name = Required(office, "Name", i),
            TimeZoneCode = OfficeTimeZone.FromCode(Required(office, "TimeZone", i)).Code,
        }).ToArray();
        return new OfficeDirectory(configured.Length > 0 ? configured : Defaults);
    }

    private static string Required(IConfigurationSection office, string key, int index) =>
        office[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"Offices:{index}:{key} is required.");

    public RegionalOffice? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var office) ? office : null;
}
