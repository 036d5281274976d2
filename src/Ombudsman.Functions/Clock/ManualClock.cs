namespace Ombudsman.Functions.Clock;

/// <summary>
/// A clock that only moves when told to (<c>Clock:Mode=Manual</c>), for demos and end-to-end tests: 30 days of statutory
/// deadlines pass in one request. Starts at the time given, and never goes backwards.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock forward and returns the new time.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The clock only moves forward.");
        }

        lock (_gate)
        {
            _now += by;
            return _now;
        }
    }
}
