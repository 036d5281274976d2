namespace Ombudsman.Workflows.Cases;

/// <summary>
/// How a complaint or report reached the Ombudsman. Online is filed by the complainant on the site or through the
/// API; the others are recorded by staff on the complainant's behalf (assisted intake) and counted in the statistics.
/// </summary>
public enum IntakeChannel
{
    Online,

    /// <summary>In person at the office.</summary>
    WalkIn,
    WhatsApp,
    Phone,
    Letter,

    /// <summary>At an outreach event away from the office (penjangkauan).</summary>
    Outreach,
}
