namespace Ombudsman.Workflows.Statute;

/// <summary>Why a weekday is not a working day.</summary>
public enum HolidayKind
{
    /// <summary>National public holiday (hari libur nasional).</summary>
    NationalHoliday,

    /// <summary>Collective leave (cuti bersama) fixed by the same joint decree.</summary>
    CollectiveLeave,
}
