using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>Requirement 3: an action not valid now is refused at once, with a stable code, and changes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseCommandsTests(AzuriteFixture azurite)
{
    private Task<CaseScenarioHost> HostAsync() => CaseScenarioHost.CreateAsync(azurite);

    [Fact]
    public async Task Action_not_valid_in_the_current_stage_is_refused_with_a_stable_code_and_changes_nothing()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        var inputsBefore = (await host.Host.ViewAsync(id)).InputsHandled;
        var timelineBefore = (await host.StatusAsync(id)).Timeline.Count;

        var refused = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.CureSubmitted, By(TheComplainant)));

        Assert.Equal(CaseActionRefusal.NotValidInStage, refused.Code);
        Assert.Contains("CompletenessCheck", refused.Reason, StringComparison.Ordinal);
        Assert.Contains(CaseEvents.FileComplete, refused.Reason, StringComparison.Ordinal);
        Assert.Equal(inputsBefore, (await host.Host.ViewAsync(id)).InputsHandled);
        Assert.Equal(timelineBefore, (await host.StatusAsync(id)).Timeline.Count);
    }

    [Fact]
    public async Task Staff_action_sent_by_the_complainant_is_refused()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());

        var refused = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.FileComplete, By(TheComplainant)));

        Assert.Equal(CaseActionRefusal.ActorNotAllowed, refused.Code);
        Assert.Equal(CaseStage.CompletenessCheck, (await host.StatusAsync(id)).Stage);
    }

    [Fact] // UU 37/2008 art. 28-31: clarification requests and summonses are the Ombudsman's powers
    public async Task Clarification_request_on_a_complaint_to_the_provider_is_refused()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));

        var refused = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.ClarificationRequested, By(Staff)));

        Assert.Equal(CaseActionRefusal.NotValidOnPath, refused.Code);
        Assert.Equal(0, (await host.StatusAsync(id)).ClarificationRequests);
    }

    [Fact]
    public async Task Incomplete_without_the_missing_items_is_refused()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());

        var refused = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff)));

        Assert.Equal(CaseActionRefusal.DetailsMissing, refused.Code);
        Assert.Equal(CaseStage.CompletenessCheck, (await host.StatusAsync(id)).Stage);
    }

    [Theory] // the decision, draft result or documents asked for are what the emails of these actions tell
    [InlineData(CaseEvents.DecisionIssued)]
    [InlineData(CaseEvents.EvidenceRequested)]
    public async Task An_action_whose_email_tells_its_note_is_refused_without_one_and_changes_nothing(string eventName)
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        var before = await host.StatusAsync(id);

        var refused = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, eventName, By(Staff, " ")));

        Assert.Equal(CaseActionRefusal.DetailsMissing, refused.Code);
        Assert.Contains("note", refused.Message, StringComparison.Ordinal);
        var after = await host.StatusAsync(id);
        Assert.Equal((CaseStage.Examination, before.OpenDeadlines.Count), (after.Stage, after.OpenDeadlines.Count));
        Assert.DoesNotContain(host.Notifier.Sent, n => n.TemplateId is NotificationTemplates.DecisionDelivered or NotificationTemplates.ProviderReminder);
    }

    [Fact]
    public async Task A_draft_result_without_its_text_is_refused()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 1, 10)).Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));

        var refused = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.DraftResultIssued, By(Staff)));

        Assert.Equal(CaseActionRefusal.DetailsMissing, refused.Code);
        Assert.DoesNotContain(NotificationTemplates.DraftResult, host.Notifier.Templates(NotificationRecipient.Complainant));
    }

    [Fact]
    public async Task Unknown_action_unknown_case_and_closed_case_are_refused_with_their_codes()
    {
        await using var host = await HostAsync();
        var id = await host.FileAsync(new ComplaintBuilder().Build());

        var unknownAction = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, "approve-everything", By(Staff)));
        var unknownCase = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync("no-such-case", CaseEvents.FileComplete, By(Staff)));
        await host.ActAsync(id, CaseEvents.CloseCase, By(Staff, "Not a public service.") with { ClosedReason = CaseClosedReason.NoAuthority });
        var closed = await Assert.ThrowsAsync<CaseActionRefusedException>(() => host.ActAsync(id, CaseEvents.FileComplete, By(Staff)));

        Assert.Equal(CaseActionRefusal.UnknownAction, unknownAction.Code);
        Assert.Equal(CaseActionRefusal.CaseNotFound, unknownCase.Code);
        Assert.Equal(CaseActionRefusal.CaseNotOpen, closed.Code);
        Assert.Equal(CaseClosedReason.NoAuthority, (await host.StatusAsync(id)).ClosedReason);
    }

    [Fact]
    public void Every_event_is_accepted_in_some_stage_and_nothing_is_accepted_once_closed()
    {
        var accepted = Enum.GetValues<CaseStage>().SelectMany(CaseStageRules.AllowedIn).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(CaseEvents.All.Order(StringComparer.Ordinal), accepted.Order(StringComparer.Ordinal));
        Assert.Empty(CaseStageRules.AllowedIn(CaseStage.Closed));
    }
}
