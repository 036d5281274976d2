using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ombudsman.Workflows.Statute;

/// <summary>
/// Computes a rule's deadline: due = f(rule, trigger, office time zone, calendar). Day 1 is the day after the
/// trigger's legal date in the office's zone; the deadline ends at the end of the last day in that zone.
/// </summary>
public sealed class DeadlineCalculator
{
    private readonly LegalCalendar _calendar;
    private readonly StatuteOptions _options;

    public DeadlineCalculator(LegalCalendar calendar, IOptions<StatuteOptions> options)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        _calendar = calendar;
        _options = options.Value;
    }

    /// <summary>The deadline for a trigger instant, counted from the legal date it falls on in the office's zone.</summary>
    public Deadline Compute(StatuteRule rule, DateTimeOffset trigger, OfficeTimeZone office)
    {
        ArgumentNullException.ThrowIfNull(office);
        return Compute(rule, office.DateOf(trigger), office);
    }

    /// <summary>The deadline for a trigger known only as a legal date (e.g. the day a service was received).</summary>
    public Deadline Compute(StatuteRule rule, DateOnly triggerDate, OfficeTimeZone office) => Compute(rule, triggerDate, office, _calendar);

    /// <summary>The deadline for a trigger instant, counted with <paramref name="calendar"/> (data files with published versions laid over them).</summary>
    public Deadline Compute(StatuteRule rule, DateTimeOffset trigger, OfficeTimeZone office, LegalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(office);
        return Compute(rule, office.DateOf(trigger), office, calendar);
    }

    /// <summary>The deadline for a trigger known only as a legal date, counted with <paramref name="calendar"/>.</summary>
    public Deadline Compute(StatuteRule rule, DateOnly triggerDate, OfficeTimeZone office, LegalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(calendar);
        var duration = rule.Duration ?? throw new RuleWithoutDurationException(rule);
        var counter = new DayCounter(calendar, _options.ProvisionalYears, _options.AllowWeekendOnlyFallback);

        DateOnly last;
        string counted;
        if (duration.Unit == DurationUnit.Years)
        {
            // Same calendar date N years on; from 29 February that is 28 February in a common year.
            last = triggerDate.AddYears(duration.Amount);
            counted = $"{duration} from {Iso(triggerDate)}";
        }
        else if (duration.DayType == DayType.Calendar)
        {
            last = triggerDate.AddDays(duration.Amount);
            counted = $"{duration} from {Iso(triggerDate)}";
        }
        else
        {
            last = triggerDate;
            for (var workingDays = 0; workingDays < duration.Amount;)
            {
                last = last.AddDays(1);
                if (counter.IsWorkingDay(last))
                {
                    workingDays++;
                }
            }

            counted = $"{duration} from {Iso(triggerDate)}{counter.DescribeSkipped()}";
        }

        var moved = false;
        var moveNote = "";
        if (duration.DayType == DayType.Calendar && _options.MoveCalendarDeadlinesToNextWorkingDay && !counter.IsWorkingDay(last))
        {
            var original = last;
            var why = counter.Describe(original);
            do
            {
                last = last.AddDays(1);
            }
            while (!counter.IsWorkingDay(last));

            moved = true;
            moveNote = $"; {Iso(original)} is {why}, moved to the next working day";
        }

        var fallbackNote = counter.FallbackYears.Count == 0
            ? ""
            : $". Warning: no holiday calendar is loaded for {string.Join(", ", counter.FallbackYears)}; "
              + "only weekends were skipped there (weekend-only fallback allowed by setting)";

        var calendars = counter.CalendarsUsed.Count == 0 ? "" : "; counted with " + string.Join(", ", counter.CalendarsUsed);
        return new Deadline
        {
            RuleId = rule.Id,
            RuleSetVersion = rule.RuleSetVersion,
            Citation = rule.Citation,
            TriggerDate = triggerDate,
            DueDate = last,
            DueInstant = office.StartOf(last.AddDays(1)),
            Office = office,
            Duration = duration,
            MovedToNextWorkingDay = moved,
            HolidaysSkipped = counter.HolidaysSkipped,
            CollectiveLeaveSkipped = counter.CollectiveLeaveSkipped,
            WeekendOnlyFallbackYears = counter.FallbackYears,
            CalendarVersions = counter.VersionsUsed,
            ProvisionalYears = counter.ProvisionalYears,
            Explanation = $"{counted}{moveNote}{calendars}; ends {Iso(last)} 23:59 {office.Code}{fallbackNote}",
        };
    }

    /// <summary>
    /// Moves a suspended deadline's last day by the days its clock stood still, counted in the rule's own
    /// <paramref name="dayType"/>: the days from the day after <paramref name="suspendedOn"/> to
    /// <paramref name="resumedOn"/> inclusive (working days with <paramref name="calendar"/> for a working-day rule,
    /// calendar days otherwise), the same number of such days added after <paramref name="lastDay"/>. This equals
    /// counting the days left at suspension again from the resumption, as a new trigger. The last day is never before
    /// the resumption day (a deadline suspended on its own last day still gets that day back).
    /// </summary>
    public SuspensionMove Resume(DayType dayType, DateOnly lastDay, DateOnly suspendedOn, DateOnly resumedOn, OfficeTimeZone office, LegalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(calendar);
        var counter = new DayCounter(calendar, _options.ProvisionalYears, _options.AllowWeekendOnlyFallback);
        var working = dayType == DayType.Working;
        var days = 0;
        for (var day = suspendedOn.AddDays(1); day <= resumedOn; day = day.AddDays(1))
        {
            if (!working || counter.IsWorkingDay(day))
            {
                days++;
            }
        }

        var last = lastDay;
        for (var added = 0; added < days;)
        {
            last = last.AddDays(1);
            if (!working || counter.IsWorkingDay(last))
            {
                added++;
            }
        }

        var floored = false;
        if (last < resumedOn)
        {
            last = resumedOn;
            while (working && !counter.IsWorkingDay(last))
            {
                last = last.AddDays(1);
            }

            floored = true;
        }

        if (!working && _options.MoveCalendarDeadlinesToNextWorkingDay)
        {
            while (!counter.IsWorkingDay(last))
            {
                last = last.AddDays(1);
            }
        }

        return new SuspensionMove
        {
            Days = days,
            DueDate = last,
            DueInstant = office.StartOf(last.AddDays(1)),
            KeptResumptionDay = floored,
            CalendarVersions = counter.VersionsUsed,
            ProvisionalYears = counter.ProvisionalYears,
            CalendarsUsed = counter.CalendarsUsed,
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Answers "is this a working day" for one computation, noting fallbacks and what was skipped.</summary>
    private sealed class DayCounter(LegalCalendar calendar, bool provisionalYears, bool allowWeekendOnlyFallback)
    {
        private readonly SortedSet<int> _fallbackYears = [];
        private readonly SortedSet<int> _provisionalYears = [];
        private readonly SortedDictionary<int, HolidayYear> _used = [];
        private int _holidays;
        private int _collectiveLeave;

        public IReadOnlyList<int> FallbackYears => [.. _fallbackYears];

        public IReadOnlyList<int> ProvisionalYears => [.. _provisionalYears];

        public int HolidaysSkipped => _holidays;

        public int CollectiveLeaveSkipped => _collectiveLeave;

        public IReadOnlyList<CalendarVersionUsed> VersionsUsed => [.. _used.Values.Select(y => new CalendarVersionUsed(y.Year, y.Version))];

        /// <summary>The calendars the count went through, by year, as the explanation names them.</summary>
        public IReadOnlyList<string> CalendarsUsed =>
            [.. _used.Values.Select(y => (y.Year, y.Label)).Concat(_provisionalYears.Select(y => (Year: y, Label: ProvisionalYear.Label(y)))).OrderBy(y => y.Year).Select(y => y.Label)];

        public bool IsWorkingDay(DateOnly date)
        {
            if (LegalCalendar.IsWeekend(date))
            {
                return false;
            }

            if (calendar.Year(date.Year) is { } year)
            {
                _used.TryAdd(year.Year, year);
            }
            else if (provisionalYears)
            {
                _provisionalYears.Add(date.Year);
                return Count(ProvisionalYear.HolidayOn(date));
            }
            else if (allowWeekendOnlyFallback)
            {
                _fallbackYears.Add(date.Year);
                return true;
            }

            return Count(calendar.HolidayOn(date));
        }

        private bool Count(Holiday? holiday)
        {
            switch (holiday?.Kind)
            {
                case HolidayKind.NationalHoliday:
                    _holidays++;
                    return false;
                case HolidayKind.CollectiveLeave:
                    _collectiveLeave++;
                    return false;
                default:
                    return true;
            }
        }

        public string Describe(DateOnly date) =>
            LegalCalendar.IsWeekend(date) ? $"a {date.DayOfWeek}"
            : (calendar.IsLoaded(date.Year) ? calendar.HolidayOn(date) : ProvisionalYear.HolidayOn(date)) is { } holiday
                ? $"{(holiday.Kind == HolidayKind.CollectiveLeave ? "collective leave" : "a national holiday")} ({holiday.Name})"
                : "not a working day";

        public string DescribeSkipped()
        {
            var parts = new List<string> { "weekends" };
            if (_holidays > 0)
            {
                parts.Add(Plural(_holidays, "national holiday"));
            }

            if (_collectiveLeave > 0)
            {
                parts.Add(Plural(_collectiveLeave, "collective-leave day"));
            }

            return $" (not counting {string.Join(", ", parts.Take(parts.Count - 1))}{(parts.Count > 1 ? " and " : "")}{parts[^1]})";
        }

        private static string Plural(int count, string noun) =>
            string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
    }
}
