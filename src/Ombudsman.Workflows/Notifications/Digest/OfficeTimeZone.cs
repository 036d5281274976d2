namespace Ombudsman.Workflows.Notifications;

/// <summary>Indonesia's three time zones (no daylight saving): an office's working day and its digest follow one of them.</summary>
internal enum OfficeTimeZone
{
    /// <summary>Waktu Indonesia Barat, UTC+7.</summary>
    Wib,

    /// <summary>Waktu Indonesia Tengah, UTC+8.</summary>
    Wita,

    /// <summary>Waktu Indonesia Timur, UTC+9.</summary>
    Wit,
}
