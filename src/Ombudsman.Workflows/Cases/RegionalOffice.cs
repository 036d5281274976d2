using System.Text.Json.Serialization;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Cases;

/// <summary>A regional office (perwakilan) or provider complaint unit; legal dates are counted in its time zone.</summary>
public sealed record RegionalOffice
{
    /// <summary>Short code used to list cases and deadlines by office, e.g. "JKT".</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>"WIB", "WITA" or "WIT".</summary>
    public required string TimeZoneCode { get; init; }

    [JsonIgnore]
    public OfficeTimeZone TimeZone => OfficeTimeZone.FromCode(TimeZoneCode);
}
