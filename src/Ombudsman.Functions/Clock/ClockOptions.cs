namespace Ombudsman.Functions.Clock;

/// <summary>Settings of section "Clock".</summary>
internal sealed class ClockOptions
{
    public const string SectionName = "Clock";

    /// <summary><c>System</c> (default) or <c>Manual</c>.</summary>
    public string Mode { get; set; } = "System";

    /// <summary>Where a manual clock starts; the system time at start-up when not set.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Maps the clock endpoints outside the Development environment too (a manual clock needs them to move).</summary>
    public bool EnableEndpoints { get; set; }

    /// <summary>The table that keeps a manual clock's time across restarts (one row per task hub).</summary>
    public string StateTable { get; set; } = "OmbudsmanClock";

    public bool IsManual => string.Equals(Mode, "Manual", StringComparison.OrdinalIgnoreCase);
}
