using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Api;

/// <summary>
/// The timeline a complainant sees, decided by each entry's type: no staff-only entry; the workflow's and the
/// complainant's own entries as written; of staff and provider actions only which action it was (their notes are
/// theirs) and that the case closed.
/// </summary>
internal static class PublicTimeline
{
    public static IReadOnlyList<PublicTimelineEntry> Of(CaseStatus? status) => [.. WithSources(status).Select(p => p.Shown)];

    /// <summary>The same entries, each with the one it shows, for a page that words them in the visitor's language.</summary>
    public static IEnumerable<(TimelineEntry Source, PublicTimelineEntry Shown)> WithSources(CaseStatus? status) =>
        status is null ? [] : status.Timeline.Select(e => (e, Show(e))).Where(p => p.Item2 is not null).Select(p => (p.e, p.Item2!));

    private static PublicTimelineEntry? Show(TimelineEntry entry)
    {
        var role = entry.Actor.Role;
        return entry switch
        {
            { Visibility: not TimelineVisibility.Public } => null,
            _ when role is CaseRole.System or CaseRole.Complainant => new(entry.At, role, entry.What),

            // The closing reason is the complainant's to know (a rejection is given with reasons); the case status carries it.
            { Kind: TimelineKind.Closed } => new(entry.At, role, "Case closed."),
            { Kind: TimelineKind.Action, Event: { } name } => new(entry.At, role, name),
            _ => null,
        };
    }
}

/// <summary>One timeline entry as shown to the complainant: when, which role, what.</summary>
internal sealed record PublicTimelineEntry(DateTimeOffset At, CaseRole Actor, string What);
