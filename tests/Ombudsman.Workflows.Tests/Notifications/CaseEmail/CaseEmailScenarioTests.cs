using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Tests.Cases;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Notifications.CaseEmail;

/// <summary>Issue 6 on real cases: the case workflows mail through the email layer (pickup directory, fake SendGrid).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseEmailScenarioTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_filed_complaint_mails_the_complainant_a_receipt_with_the_tracking_link_and_the_legal_citation_UU_25_2009_art_44()
    {
        await using var host = await CaseEmailHost.CreateAsync(azurite);

        var caseId = await host.FileAsync(new ComplaintBuilder().Build());

        var receipt = Assert.Single(host.Mail(TemplateIds.ComplainantReceipt));
        Assert.Contains("siti@example.test", receipt.Headers["To"], StringComparison.Ordinal);
        Assert.Equal($"Tanda terima pengaduan {caseId}", receipt.Headers["Subject"]);
        Assert.Equal(caseId + ":receipt:receipt:Complainant", receipt.Headers["X-Ombudsman-Idempotency-Key"]);
        var text = receipt.Parts[0].Body;
        Assert.Contains(CaseEmailHost.TrackingBase + caseId, text, StringComparison.Ordinal);
        // The receipt cites P4 of the pinned rule set and the completeness answer's rule (P5), as an Indonesian reader says them.
        Assert.Contains($"({StatuteWording.Citation(StatuteWording.Primary(Ombudsman.Workflows.Tests.Statute.StatuteFixtures.ShippedRuleSet["P4"].Citation), Language.Indonesian)})", text, StringComparison.Ordinal);
        Assert.Contains("(UU 25/2009 pasal 45(1))", text, StringComparison.Ordinal);
        Assert.Contains("2 Maret 2026 09.00 WIB", text, StringComparison.Ordinal);
        Assert.False((await host.StatusAsync(caseId)).EmailNotDelivered);
    }

    [Fact]
    public async Task A_complainant_who_chose_English_gets_the_file_incomplete_email_in_English_with_the_cure_deadline_and_its_citation()
    {
        await using var host = await CaseEmailHost.CreateAsync(azurite);
        var complaint = new ComplaintBuilder().Build();
        complaint = complaint with { Complainant = complaint.Complainant with { Language = "en" } };
        var caseId = await host.FileAsync(complaint);

        await host.ActAsync(caseId, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature", "copy of the service receipt"] });

        var email = Assert.Single(host.Mail(TemplateIds.ComplainantFileIncomplete));
        Assert.Equal($"Your complaint {caseId} is incomplete", email.Headers["Subject"]);
        var text = email.Parts[0].Body;
        Assert.Contains("signature; copy of the service receipt", text, StringComparison.Ordinal);
        Assert.Contains("UU 25/2009 art. 45(2)", text, StringComparison.Ordinal);
        Assert.Contains("WIB (", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confidential_complainants_identity_never_appears_in_the_providers_new_case_email_UU_25_2009_art_42_5()
    {
        await using var host = await CaseEmailHost.CreateAsync(azurite);
        var caseId = await host.FileAsync(new ComplaintBuilder().Confidential().Build());

        await host.ActAsync(caseId, CaseEvents.FileComplete, By(Staff));

        var email = Assert.Single(host.Mail(TemplateIds.ProviderNewCase));
        Assert.Contains("pengaduan@bpn-bekasi.example.test", email.Headers["To"], StringComparison.Ordinal);
        foreach (var part in email.Parts.Select(p => p.Body).Append(email.Headers["Subject"]))
        {
            Assert.DoesNotContain("Siti", part, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Rahayu", part, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("siti@example.test", part, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("https://pengaduan.ombudsman.test/unggah/" + caseId, email.Parts[0].Body, StringComparison.Ordinal);
        Assert.Contains("UU 25/2009 pasal 50(1)", email.Parts[0].Body, StringComparison.Ordinal);
        Assert.Single(host.Mail(TemplateIds.ComplainantFileComplete));
    }

    [Fact]
    public async Task A_confidential_description_that_names_the_complainant_is_left_out_of_the_providers_new_case_email_which_says_it_is_under_review()
    {
        await using var host = await CaseEmailHost.CreateAsync(azurite);
        var complaint = new ComplaintBuilder().Confidential().Build();
        complaint = complaint with { Description = "Siti Rahayu waited three months for her land certificate." };
        var caseId = await host.FileAsync(complaint);

        await host.ActAsync(caseId, CaseEvents.FileComplete, By(Staff));

        var email = Assert.Single(host.Mail(TemplateIds.ProviderNewCase));
        Assert.Contains(ProviderComplaintTexts.PendingReview(Ombudsman.Workflows.Tests.Statute.StatuteFixtures.ShippedRuleSet), email.Parts[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti", email.Parts[0].Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("three months", email.Parts[0].Body, StringComparison.Ordinal);
        Assert.False((await host.StatusAsync(caseId)).EmailNotDelivered);
    }

    [Fact]
    public async Task A_receipt_SendGrid_refuses_with_400_is_recorded_on_the_case_as_email_not_delivered_and_listed_for_staff()
    {
        await using var server = await FakeSendGridServer.StartAsync();
        server.Enqueue(FakeSendGridResponse.BadRequest("Does not contain a valid address."));
        await using var host = await CaseEmailHost.CreateAsync(azurite, new Dictionary<string, string?>
        {
            ["Email:SendGridApiKey"] = "SG.test-key",
            ["Email:SendGridHost"] = server.Host,
        });

        var caseId = await host.FileAsync(new ComplaintBuilder().Build());

        Assert.Single(server.Requests);
        var status = await host.StatusAsync(caseId);
        Assert.True(status.EmailNotDelivered);
        Assert.Equal([caseId + ":receipt:receipt:Complainant"], status.NotDeliveredNotifications);
        Assert.Contains(status.Timeline, e => e.What.StartsWith("Notification receipt to Complainant: email not delivered:", StringComparison.Ordinal)
            && e.What.Contains("HTTP 400", StringComparison.Ordinal));
        Assert.Equal(CaseStage.CompletenessCheck, status.Stage);
        var record = Assert.Single(await host.SendRecords.ListNotDeliveredAsync(caseId, CancellationToken.None));
        Assert.Equal(SendStatus.Rejected, record.Status);
        Assert.Equal(400, record.StatusCode);
    }

    [Fact]
    public async Task A_provider_without_an_email_address_is_shown_on_the_case_as_not_delivered_instead_of_failing_the_step()
    {
        await using var host = await CaseEmailHost.CreateAsync(azurite);
        var complaint = new ComplaintBuilder().Build();
        complaint = complaint with { Provider = complaint.Provider with { Email = null } };
        var caseId = await host.FileAsync(complaint);

        await host.ActAsync(caseId, CaseEvents.FileComplete, By(Staff));

        var status = await host.StatusAsync(caseId);
        Assert.Equal(CaseStage.Examination, status.Stage);
        Assert.Equal([caseId + ":routed:provider-new-case:Provider"], status.NotDeliveredNotifications);
        Assert.Contains(status.Timeline, e => e.What.Contains("no valid email address on file for the provider", StringComparison.Ordinal));
    }
}
