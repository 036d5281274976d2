using Ombudsman.Functions.Api;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.Api;

/// <summary>What the complainant's tracking shows is decided by each entry's type and actor, not by its text.</summary>
public sealed class PublicTimelineTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly CaseActor Staff = new() { Role = CaseRole.Staff, Id = "staff-0042", Name = "Budi" };
    private static readonly CaseActor Provider = new() { Role = CaseRole.Provider, Id = "provider", Name = "Dinas" };
    private static readonly CaseActor Complainant = new() { Role = CaseRole.Complainant, Id = "complainant", Name = "Siti" };

    [Fact]
    public void Staff_only_entries_are_hidden_and_other_parties_actions_show_only_which_action_it_was()
    {
        var shown = PublicTimeline.Of(Status(
            Entry(CaseActor.System, "Complaint received.", TimelineKind.Received),
            Entry(CaseActor.System, "Notification receipt to Complainant: email not delivered: bounced", TimelineKind.Notification, TimelineVisibility.Staff),
            Entry(Staff, "file-incomplete: the KTP copy is unreadable, ask Siti for a new scan", TimelineKind.Action, eventName: CaseEvents.FileIncomplete),
            Entry(Complainant, "cure-submitted: new scan attached", TimelineKind.Action, eventName: CaseEvents.CureSubmitted),
            Entry(Provider, "Refused 'payment-confirmed' (action-not-valid-in-stage): …", TimelineKind.Refused, TimelineVisibility.Staff, CaseEvents.PaymentConfirmed),
            Entry(Provider, "A provider's internal remark that mentions case closed: by phone", TimelineKind.Progress),
            Entry(Staff, "Case closed: Rejected. Outside the Ombudsman's remit.", TimelineKind.Closed)));

        Assert.Equal(
            [
                (CaseRole.System, "Complaint received."),
                (CaseRole.Staff, CaseEvents.FileIncomplete),
                (CaseRole.Complainant, "cure-submitted: new scan attached"),
                (CaseRole.Staff, "Case closed."),
            ],
            shown.Select(e => (e.Actor, e.What)));
    }

    private static TimelineEntry Entry(
        CaseActor actor, string what, TimelineKind kind, TimelineVisibility visibility = TimelineVisibility.Public, string? eventName = null) =>
        new() { At = At, Actor = actor, What = what, Kind = kind, Visibility = visibility, Event = eventName };

    private static CaseStatus Status(params TimelineEntry[] entries) => new()
    {
        CaseId = "case-1",
        Stage = CaseStage.Closed,
        Path = ComplaintPath.Provider,
        Office = "JKT",
        OfficeTimeZone = "WIB",
        Timeline = [.. entries],
    };
}
