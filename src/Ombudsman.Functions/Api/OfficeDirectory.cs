using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Api;

/// <summary>
/// The offices a complaint can be filed with, by code (setting "Offices": [{code, name, timeZoneCode}]); a small default
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

    public static OfficeDirectory From(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Offices").Get<RegionalOffice[]>();
        return new OfficeDirectory(configured is { Length: > 0 } ? configured : Defaults);
    }

    public RegionalOffice? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var office) ? office : null;
}
