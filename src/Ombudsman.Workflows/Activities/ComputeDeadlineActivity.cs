using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Activities;

/// <summary>
/// Computes a case deadline from the case's pinned rule set. Done in an activity, not in orchestrator code, so
/// the result is recorded in history: an administrator adding or amending a holiday year later changes new
/// deadlines but can never make a running case's replay compute a different due date (a non-determinism failure).
/// </summary>
internal sealed partial class ComputeDeadlineActivity(RuleSetCatalog catalog, DeadlineCalculator calculator, ILegalCalendarSource calendars)
    : TaskActivity<DeadlineRequest, CaseDeadline>
{
    public override async Task<CaseDeadline> RunAsync(TaskActivityContext context, DeadlineRequest input)
    {
        var rule = catalog.Get(input.RuleSetVersion)[input.RuleId];
        var zone = OfficeTimeZone.FromCode(input.OfficeTimeZone);
        if (input.Resumes is { } resumption)
        {
            return Resume(rule, zone, resumption, input.TriggerAt, await calendars.CurrentAsync());
        }

        if (input.FixedDueDate is { } fixedDue)
        {
            return new CaseDeadline
            {
                RuleId = rule.Id,
                Kind = input.Kind,
                Citation = rule.Citation,
                DueDate = fixedDue,
                DueAt = zone.StartOf(fixedDue.AddDays(1)),
                Explanation = $"set in the decision: ends {fixedDue:yyyy-MM-dd} 23:59 {zone.Code}",
                SetInDecision = true,
            };
        }

        // The published calendar is read here, in the activity, so the result (and the version named) is in history.
        var calendar = await calendars.CurrentAsync();
        if (input.RequiredCalendar is { } required && (calendar.Year(required.Year)?.Version ?? 0) < required.Version)
        {
            throw new InvalidOperationException(
                $"calendar {required.Year} v{required.Version} is not read here yet (this instance has v{calendar.Year(required.Year)?.Version ?? 0}); retried");
        }

        var deadline = calculator.Compute(rule, input.TriggerAt, zone, calendar);
        var counted = new CaseDeadline
        {
            RuleId = deadline.RuleId,
            Kind = input.Kind,
            Citation = deadline.Citation,
            DueDate = deadline.DueDate,
            DueAt = deadline.DueInstant,
            Explanation = deadline.Explanation,
            CalendarVersions = deadline.CalendarVersions,
            ProvisionalYears = deadline.ProvisionalYears,
            CountedFrom = deadline.TriggerDate,
            Duration = deadline.Duration,
            MovedToNextWorkingDay = deadline.MovedToNextWorkingDay,
            HolidaysSkipped = deadline.HolidaysSkipped,
            CollectiveLeaveSkipped = deadline.CollectiveLeaveSkipped,
        };
        return input.Receipt is { } receipt ? receipt.Applied(counted) : counted;
    }

    /// <summary>
    /// A suspended deadline resumed at <paramref name="resumedAt"/>: the last day moves by the days it stood still, in
    /// the rule's day type (a last day set in a decision, or a rule without a duration, in calendar days), and the
    /// explanation gains the suspension.
    /// </summary>
    private CaseDeadline Resume(StatuteRule rule, OfficeTimeZone zone, DeadlineResumption resumption, DateTimeOffset resumedAt, LegalCalendar calendar)
    {
        var deadline = resumption.Deadline;
        var dayType = rule.Duration is { Unit: DurationUnit.Days, DayType: DayType.Working } && !deadline.SetInDecision ? DayType.Working : DayType.Calendar;
        var from = zone.DateOf(resumption.SuspendedAt);
        var to = zone.DateOf(resumedAt);
        var move = calculator.Resume(dayType, deadline.DueDate, from, to, zone, calendar);
        var period = new DeadlineSuspensionPeriod { From = from, To = to, Days = move.Days, DayType = dayType, Reason = resumption.Reason };
        var unit = dayType == DayType.Working ? "working" : "calendar";
        var plural = move.Days == 1 ? "" : "s";
        var kept = move.KeptResumptionDay ? "; the last day is kept on the resumption day" : "";
        var counted = move.CalendarsUsed.Count == 0 ? "" : "; counted with " + string.Join(", ", move.CalendarsUsed);
        var before = EndsSuffix().Replace(deadline.Explanation, "");
        return deadline with
        {
            DueDate = move.DueDate,
            DueAt = move.DueInstant,
            Explanation = string.Create(
                CultureInfo.InvariantCulture,
                $"{before}; suspended {move.Days} {unit} day{plural} from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: {SuspensionReasons.Words(resumption.Reason)}{kept}{counted}; ends {move.DueDate:yyyy-MM-dd} 23:59 {zone.Code}"),
            CalendarVersions = [.. deadline.CalendarVersions.Concat(move.CalendarVersions).GroupBy(v => v.Year).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.Year)],
            ProvisionalYears = [.. deadline.ProvisionalYears.Concat(move.ProvisionalYears).Distinct().Order()],
            Suspensions = [.. deadline.Suspensions, period],
        };
    }

    // Every explanation ends "; ends yyyy-MM-dd 23:59 ZONE" (and maybe a fallback warning after it): the new end replaces it.
    [GeneratedRegex(@"[;:] ends \d{4}-\d{2}-\d{2} 23:59 [A-Z]{3,4}$")]
    private static partial Regex EndsSuffix();
}
