using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Tests.Cases;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Notifications.CaseEmail;

/// <summary>
/// A deadline is stated by its last day, inclusively, in the office's zone, and each email says its language:
/// the cure notice of a real case found incomplete (UU 25/2009 art. 45(2)), as the pickup directory holds it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseEmailDeadlineWordingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_cure_notice_names_the_last_day_of_the_window_to_23_59_WIB_in_Indonesian_and_says_it_is_Indonesian()
    {
        await using var host = await CaseEmailHost.CreateAsync(azurite);
        var caseId = await host.FileAsync(new ComplaintBuilder().Build());

        await host.ActAsync(caseId, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["fotokopi KTP"] });

        var cure = (await host.StatusAsync(caseId)).OpenDeadlines.Single(d => d.Citation.Contains("45(2)", StringComparison.Ordinal));
        var email = Assert.Single(host.Mail(TemplateIds.ComplainantFileIncomplete));
        var text = email.Parts[0].Body;
        Assert.Equal(new DateOnly(2026, 4, 1), cure.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.FromHours(7)), cure.DueAt);
        Assert.Contains("paling lambat 1 April 2026 pukul 23.59 WIB (UU 25/2009 pasal 45(2)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2 April 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("00.00", text, StringComparison.Ordinal);
        Assert.Equal("id", email.Headers["Content-Language"]);
    }

    [Fact]
    public async Task An_English_cure_notice_names_the_same_last_day_to_23_59_WIB_and_says_it_is_English()
    {
        await using var host = await CaseEmailHost.CreateAsync(azurite);
        var complaint = new ComplaintBuilder().Build();
        var caseId = await host.FileAsync(complaint with { Complainant = complaint.Complainant with { Language = "en" } });

        await host.ActAsync(caseId, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature"] });

        var email = Assert.Single(host.Mail(TemplateIds.ComplainantFileIncomplete));
        var text = email.Parts[0].Body;
        Assert.Contains("complete your file by 1 April 2026, 23:59 WIB (UU 25/2009 art. 45(2)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("00:00", text, StringComparison.Ordinal);
        Assert.Equal("en", email.Headers["Content-Language"]);
        Assert.Contains("<html lang=\"en\">", email.Parts[1].Body, StringComparison.Ordinal);
    }
}
