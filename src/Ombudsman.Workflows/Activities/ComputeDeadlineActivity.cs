using Microsoft.DurableTask;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Activities;

/// <summary>
/// Computes a case deadline from the case's pinned rule set. Done in an activity, not in orchestrator code, so
/// the result is recorded in history: an administrator adding or amending a holiday year later changes new
/// deadlines but can never make a running case's replay compute a different due date (a non-determinism failure).
/// </summary>
internal sealed class ComputeDeadlineActivity(RuleSetCatalog catalog, DeadlineCalculator calculator, ILegalCalendarSource calendars)
    : TaskActivity<DeadlineRequest, CaseDeadline>
{
    public override async Task<CaseDeadline> RunAsync(TaskActivityContext context, DeadlineRequest input)
    {
        var rule = catalog.Get(input.RuleSetVersion)[input.RuleId];
        var zone = OfficeTimeZone.FromCode(input.OfficeTimeZone);
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
        return new CaseDeadline
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
    }
}
