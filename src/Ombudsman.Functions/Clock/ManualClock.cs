namespace Ombudsman.Functions.Clock;

/// <summary>
/// A clock that only moves when told to (<c>Clock:Mode=Manual</c>), for demos and end-to-end tests: 30 days of statutory
/// deadlines pass in one request. Starts at the time given (or where <see cref="ManualClockStore"/> left it), and never
/// goes backwards while it runs.
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

    /// <summary>Moves the clock forward to <paramref name="to"/>; an earlier time is refused.</summary>
    public void MoveTo(DateTimeOffset to)
    {
        lock (_gate)
        {
            if (to < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(to), to, $"The clock only moves forward; it is {_now:O}.");
            }

            _now = to.ToUniversalTime();
        }
    }

    /// <summary>Sets the time the app resumes at, before anything has read the clock (start-up only).</summary>
    internal void ResumeAt(DateTimeOffset at)
    {
        lock (_gate)
        {
            _now = at.ToUniversalTime();
        }
    }
}
