using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Api;

/// <summary>
/// The timeline a complainant sees: the workflow's own entries and the complainant's, and of staff and provider
/// actions only what was done, never their notes (staff-internal) nor who exactly; refused actions of others are left out.
/// </summary>
internal static class PublicTimeline
{
    private const string Closed = "Case closed:";

    public static IReadOnlyList<PublicTimelineEntry> Of(CaseStatus? status) =>
        status is null ? [] : [.. status.Timeline.Select(Show).OfType<PublicTimelineEntry>()];

    private static PublicTimelineEntry? Show(TimelineEntry entry)
    {
        var role = entry.Actor.Role;
        if (role is CaseRole.System or CaseRole.Complainant)
        {
            return new(entry.At, role, entry.What);
        }

        if (entry.What.StartsWith(Closed, StringComparison.Ordinal))
        {
            // The closing reason is the complainant's to know (a rejection is given with reasons); the case status carries it.
            return new(entry.At, role, "Case closed.");
        }

        var name = entry.What.Split(':', 2)[0];
        return CaseEvents.All.Contains(name, StringComparer.Ordinal) ? new(entry.At, role, name) : null;
    }
}

/// <summary>One timeline entry as shown to the complainant: when, which role, what.</summary>
internal sealed record PublicTimelineEntry(DateTimeOffset At, CaseRole Actor, string What);
