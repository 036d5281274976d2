namespace Ombudsman.Workflows.Cases;

/// <summary>
/// Whether a deadline can be suspended or resumed now, judged on the case's open deadlines. The API asks before it
/// raises the action (so a refusal changes nothing), and the case asks again when the action arrives, since another
/// action or the deadline's own expiry may have come first.
/// </summary>
public static class DeadlineSuspensionRules
{
    /// <summary>Null when the action can be applied to <paramref name="openDeadlines"/>; otherwise why not.</summary>
    public static CaseActionRefusal? Check(IReadOnlyList<OpenDeadline> openDeadlines, string eventName, CaseAction action)
    {
        ArgumentNullException.ThrowIfNull(openDeadlines);
        ArgumentNullException.ThrowIfNull(action);
        if (eventName is not (CaseEvents.SuspendDeadline or CaseEvents.ResumeDeadline) || string.IsNullOrWhiteSpace(action.DeadlineRuleId))
        {
            return null;
        }

        var ruleId = action.DeadlineRuleId.Trim();
        var deadline = Find(openDeadlines, ruleId);
        if (deadline is null)
        {
            var running = openDeadlines.Count == 0 ? "none" : string.Join(", ", openDeadlines.Select(d => d.RuleId).Distinct(StringComparer.Ordinal));
            return new(CaseActionRefusal.DeadlineNotRunning, $"No deadline of rule {ruleId} runs on the case; running now: {running}.");
        }

        return (eventName, deadline.Suspended) switch
        {
            (CaseEvents.SuspendDeadline, { } since) => new(
                CaseActionRefusal.DeadlineAlreadySuspended,
                $"Deadline {ruleId} is already suspended since {since.SinceDate:yyyy-MM-dd} ({SuspensionReasons.Words(since.Reason)}); resume it first."),
            (CaseEvents.ResumeDeadline, null) => new(CaseActionRefusal.DeadlineNotSuspended, $"Deadline {ruleId} is running, not suspended."),
            _ => null,
        };
    }

    /// <summary>The open deadline of <paramref name="ruleId"/> (case-insensitive), the earliest due when several run.</summary>
    public static OpenDeadline? Find(IReadOnlyList<OpenDeadline> openDeadlines, string ruleId) =>
        openDeadlines.Where(d => string.Equals(d.RuleId, ruleId.Trim(), StringComparison.OrdinalIgnoreCase)).MinBy(d => d.DueAt);
}
