using Ombudsman.Functions.Identity;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.Staff;

/// <summary>The staff roles divide exactly the actions the case workflow lets staff take (CaseStageRules), no more.</summary>
public sealed class StaffActionPermissionsTests
{
    [Fact]
    public void Every_action_staff_may_send_is_granted_to_some_role_and_no_other_action_is()
    {
        foreach (var eventName in CaseEvents.All)
        {
            var staffMaySend = CaseStageRules.SendersOf(eventName).Contains(CaseRole.Staff);

            Assert.Equal(staffMaySend, StaffActionPermissions.RolesFor(eventName).Count > 0);
        }
    }

    [Theory]
    [InlineData(CaseEvents.FileComplete, StaffRoles.IntakeOfficer)]
    [InlineData(CaseEvents.FileIncomplete, StaffRoles.IntakeOfficer)]
    [InlineData(CaseEvents.ClarificationRequested, StaffRoles.Examiner)]
    [InlineData(CaseEvents.MediationOutcome, StaffRoles.Examiner)]
    [InlineData(CaseEvents.AdjudicationDecision, StaffRoles.Adjudicator)]
    [InlineData(CaseEvents.DecisionIssued, StaffRoles.HeadOfOffice)]
    [InlineData(CaseEvents.PaymentConfirmed, StaffRoles.Examiner)]
    [InlineData(CaseEvents.CloseCase, StaffRoles.IntakeOfficer)]
    [InlineData(CaseEvents.MediationOffered, StaffRoles.Examiner)]
    [InlineData(CaseEvents.AgreementCarriedOut, StaffRoles.Examiner)]
    [InlineData(CaseEvents.AdjudicationRequested, StaffRoles.Examiner)]
    [InlineData(CaseEvents.ExaminationStopped, StaffRoles.HeadOfOffice)]
    [InlineData(CaseEvents.RecommendationIssued, StaffRoles.HeadOfOffice)]
    public void A_role_may_take_its_own_actions_and_the_head_of_office_may_take_them_all(string eventName, string role)
    {
        Assert.True(StaffActionPermissions.MayAct(Member(role), eventName));
        Assert.True(StaffActionPermissions.MayAct(Member(StaffRoles.HeadOfOffice), eventName));
    }

    [Theory]
    [InlineData(CaseEvents.FileComplete, StaffRoles.Examiner)]
    [InlineData(CaseEvents.AdjudicationDecision, StaffRoles.Examiner)]
    [InlineData(CaseEvents.DecisionIssued, StaffRoles.Adjudicator)]
    [InlineData(CaseEvents.MediationOutcome, StaffRoles.IntakeOfficer)]
    [InlineData(CaseEvents.ExaminationStopped, StaffRoles.Examiner)]
    [InlineData(CaseEvents.RecommendationIssued, StaffRoles.Examiner)]
    [InlineData(CaseEvents.MediationOffered, StaffRoles.Adjudicator)]
    public void A_role_may_not_take_another_roles_action(string eventName, string role)
    {
        Assert.False(StaffActionPermissions.MayAct(Member(role), eventName));
    }

    [Theory]
    [InlineData(SuspensionReason.AgreedExtension, StaffRoles.HeadOfOffice, true)]
    [InlineData(SuspensionReason.AgreedExtension, StaffRoles.Examiner, false)]
    [InlineData(SuspensionReason.AgreedExtension, StaffRoles.IntakeOfficer, false)]
    [InlineData(SuspensionReason.ForceMajeure, StaffRoles.Examiner, true)]
    [InlineData(SuspensionReason.AwaitingComplainantClarification, StaffRoles.IntakeOfficer, true)]
    [InlineData(SuspensionReason.CourtProceedings, StaffRoles.HeadOfOffice, true)]
    [InlineData(SuspensionReason.CourtProceedings, StaffRoles.Adjudicator, false)]
    public void Only_the_head_of_office_suspends_for_an_agreed_extension(SuspensionReason reason, string role, bool may)
    {
        Assert.Equal(may, StaffActionPermissions.MaySuspend(Member(role), reason));
    }

    private static StaffMember Member(string role) => new() { Id = "1", Name = "n", Office = "JKT", Roles = [role] };
}
