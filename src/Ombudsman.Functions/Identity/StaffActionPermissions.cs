using System.Collections.Frozen;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Identity;

/// <summary>
/// Which staff role may take which case action. Whether staff may send an event at all, and in which stage, is
/// <see cref="CaseStageRules"/>'s alone; this only divides staff's share of it between the roles. The head of office
/// may take every action staff may take.
/// </summary>
internal static class StaffActionPermissions
{
    private static readonly FrozenDictionary<string, string[]> Grants = new Dictionary<string, string[]>
    {
        [StaffRoles.IntakeOfficer] =
        [
            CaseEvents.FileComplete, CaseEvents.FileIncomplete, CaseEvents.CureSubmitted, CaseEvents.Withdraw, CaseEvents.CloseCase,
            CaseEvents.SuspendDeadline, CaseEvents.ResumeDeadline,
            CaseEvents.NotificationResend, CaseEvents.NotificationDeliveredOtherwise,
        ],
        [StaffRoles.Examiner] =
        [
            CaseEvents.ProviderResponseSubmitted, CaseEvents.EvidenceRequested, CaseEvents.EvidenceProvided,
            CaseEvents.DraftResultIssued, CaseEvents.DraftResultResponse, CaseEvents.ClarificationRequested, CaseEvents.SummonsMissed,
            CaseEvents.MediationRequested, CaseEvents.MediationOutcome, CaseEvents.DecisionDelivered, CaseEvents.PaymentConfirmed,
            CaseEvents.CorrectiveActionsReported, CaseEvents.RecommendationImplemented,
            CaseEvents.SuspendDeadline, CaseEvents.ResumeDeadline,
            CaseEvents.NotificationResend, CaseEvents.NotificationDeliveredOtherwise,

            // The offer of mediation, an agreement carried out and a party's request for adjudication are facts the
            // examiner records; stopping an examination and issuing a recommendation are the head of office's decisions.
            CaseEvents.MediationOffered, CaseEvents.AgreementCarriedOut, CaseEvents.AdjudicationRequested,
        ],
        [StaffRoles.Adjudicator] = [CaseEvents.AdjudicationDecision],
        [StaffRoles.HeadOfOffice] = [.. CaseEvents.All],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The staff roles that may send <paramref name="eventName"/>; empty when staff may not send it at all.</summary>
    public static IReadOnlyList<string> RolesFor(string eventName) =>
        CaseStageRules.SendersOf(eventName).Contains(CaseRole.Staff)
            ? StaffRoles.All.Where(r => Grants[r].Contains(eventName, StringComparer.Ordinal)).ToList()
            : [];

    /// <summary>
    /// Who may issue and revoke the provider's capability link: intake officers (they route the case to the
    /// provider), examiners (they handle the provider's response) and the head of office; not adjudicators.
    /// </summary>
    public static IReadOnlyList<string> ProviderLinkRoles { get; } = [StaffRoles.IntakeOfficer, StaffRoles.Examiner, StaffRoles.HeadOfOffice];

    public static bool MayManageProviderLink(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Roles.Any(r => ProviderLinkRoles.Contains(r, StringComparer.Ordinal));
    }

    /// <summary>
    /// Who may stop a deadline's clock for <paramref name="reason"/>, and lift that suspension again: an extension the
    /// parties agreed changes the time the law gives, so the head of office alone grants (and ends) it; the other
    /// reasons are facts the officer handling the step records (intake officers and examiners), and the head of office.
    /// </summary>
    public static IReadOnlyList<string> SuspensionRolesFor(SuspensionReason reason) => reason == SuspensionReason.AgreedExtension
        ? [StaffRoles.HeadOfOffice]
        : [StaffRoles.IntakeOfficer, StaffRoles.Examiner, StaffRoles.HeadOfOffice];

    public static bool MaySuspend(StaffMember member, SuspensionReason reason)
    {
        ArgumentNullException.ThrowIfNull(member);
        var roles = SuspensionRolesFor(reason);
        return member.Roles.Any(r => roles.Contains(r, StringComparer.Ordinal));
    }

    /// <summary>
    /// Who may assign a case of the office to any officer of it, reassign it or take the assignment away: the head of
    /// office, who divides the office's work.
    /// </summary>
    public static bool MayAssign(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Roles.Contains(StaffRoles.HeadOfOffice, StringComparer.Ordinal);
    }

    /// <summary>
    /// Who may take an unassigned case for themselves, and hand back one assigned to them: the officers who handle a
    /// case's steps day to day, examiners and intake officers.
    /// </summary>
    public static bool MayTakeCases(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Roles.Any(r => r is StaffRoles.Examiner or StaffRoles.IntakeOfficer);
    }

    public static bool MayAct(StaffMember member, string eventName)
    {
        ArgumentNullException.ThrowIfNull(member);
        var roles = RolesFor(eventName);
        return member.Roles.Any(r => roles.Contains(r, StringComparer.Ordinal));
    }
}
