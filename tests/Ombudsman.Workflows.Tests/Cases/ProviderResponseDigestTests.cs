using System.Globalization;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Orchestrations;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>
/// The complainant hears of provider responses at most once a day per case: one digest of what arrived, sent by a
/// durable case timer that the fake clock and the deadline sweeper drive, on the real engine.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProviderResponseDigestTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Five_provider_responses_in_a_day_reach_the_complainant_as_one_email_listing_them()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        var first = host.Host.Clock.GetUtcNow();

        for (var response = 1; response <= 5; response++)
        {
            await host.ActAsync(id, CaseEvents.ProviderResponseSubmitted, By(TheProvider, $"response {response}"));
            await host.AdvanceAsync(TimeSpan.FromHours(2));
        }

        var beforeTheDayIsOut = ResponseEmails(host);
        await host.AdvanceToAsync(first.AddDays(1));

        Assert.Empty(beforeTheDayIsOut);
        var digest = Assert.Single(ResponseEmails(host));
        Assert.Equal("5", digest.Data["responseCount"]);
        var listed = digest.Data["responses"].Split('\n').Select(at => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([.. Enumerable.Range(0, 5).Select(i => first.AddHours(2 * i))], listed);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact]
    public async Task A_response_after_the_digest_waits_for_the_next_day_digest()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.ProviderResponseSubmitted, By(TheProvider, "first"));
        await host.AdvanceDaysAsync(1);
        await host.AdvanceAsync(TimeSpan.FromHours(1));
        var second = host.Host.Clock.GetUtcNow();

        await host.ActAsync(id, CaseEvents.ProviderResponseSubmitted, By(TheProvider, "second"));
        await host.AdvanceAsync(TimeSpan.FromHours(23));
        var sameDay = ResponseEmails(host).Count;
        await host.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(1, sameDay);
        var emails = ResponseEmails(host);
        Assert.Equal(2, emails.Count);
        Assert.Equal(("1", second), (emails[1].Data["responseCount"], DateTimeOffset.Parse(emails[1].Data["responses"], CultureInfo.InvariantCulture)));
        host.AssertEachStepNotifiedOnce();
    }

    [Fact]
    public async Task Responses_still_waiting_for_the_digest_are_told_when_the_case_closes()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var id = await host.FileAsync(new ComplaintBuilder().Build());
        await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
        await host.ActAsync(id, CaseEvents.ProviderResponseSubmitted, By(TheProvider, "one"));
        await host.ActAsync(id, CaseEvents.ProviderResponseSubmitted, By(TheProvider, "two"));

        await host.ActAsync(id, CaseEvents.Withdraw, By(TheComplainant, "settled with the provider"));
        await host.AdvanceDaysAsync(2);

        Assert.Equal("2", Assert.Single(ResponseEmails(host)).Data["responseCount"]);
        Assert.Equal(CaseStage.Closed, (await host.StatusAsync(id)).Stage);
        host.AssertEachStepNotifiedOnce();
    }

    [Fact]
    public async Task A_case_filed_on_the_per_response_version_still_emails_at_the_response_itself()
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite);
        var filedBefore = new CaseCommands(host.Host.Client, host.ReadModel, host.Host.Clock, new CaseWorkflowOptions { NewCasesRunOn = CaseOrchestration.Name });
        await filedBefore.FileAsync("old-case", new ComplaintBuilder().Build());
        await host.ActAsync("old-case", CaseEvents.FileComplete, By(Staff));

        await host.ActAsync("old-case", CaseEvents.ProviderResponseSubmitted, By(TheProvider, "one"));

        Assert.Equal(CaseOrchestration.Name, (await host.Host.Client.GetInstanceAsync("old-case"))!.Name);
        Assert.False(Assert.Single(ResponseEmails(host)).Data.ContainsKey("responses"));
    }

    private static List<CaseNotification> ResponseEmails(CaseScenarioHost host) =>
        [.. host.Notifier.Sent.Where(n => n.TemplateId == NotificationTemplates.ProviderResponseReceived && n.Recipient == NotificationRecipient.Complainant)];
}
