using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Cases;

/// <summary>
/// End to end over real HTTP (Kestrel on loopback, Azurite): the complainant and provider drive the public API, the
/// development clock moves statutory time. Staff steps go through <see cref="CaseCommands"/> until the staff API lands.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseScenarioTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Incomplete_file_not_cured_in_30_days_is_deemed_withdrawn_UU_25_art_45_3()
    {
        var notifier = new RecordingCaseNotifier();
        await using var app = await StartAsync(azurite, notifier);

        var filed = await FileAsync(app, Filing());
        var (uploaded, record) = await UploadAsync(app, filed.CaseId, filed.Token, "ktp-scan-01", "ktp.pdf", Files.Pdf());
        await UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await StaffAsync(app, filed.CaseId, CaseEvents.FileIncomplete, new CaseAction
        {
            Actor = OfficeStaff,
            MissingItems = ["bukti pembayaran"],
            Note = "INTERNAL: applicant called twice, be careful",
        });
        var cureWindow = await UntilDeadlineAsync(app, filed.Token, "P6");

        using var advance = await app.Client.PostAsJsonAsync(new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = "P31D" });
        var closed = await UntilStageAsync(app, filed.Token, CaseStage.Closed);
        var (cure, cureProblem) = await SendAsync(app, HttpMethod.Post, $"/api/complaints/{filed.CaseId}/cure", filed.Token, new JsonObject { ["note"] = "too late" });
        var sent = await SentAsync(notifier, filed.CaseId, "deemed-withdrawn");

        Assert.Equal("cureWindow", cureWindow.GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.Created, uploaded);
        Assert.Equal("complainant", record.GetProperty("party").GetString());
        var p6 = Assert.Single(cureWindow.GetProperty("openDeadlines").EnumerateArray(), d => d.GetProperty("ruleId").GetString() == "P6");
        Assert.Equal("UU 25/2009 art. 45(2)-(3)", p6.GetProperty("citation").GetString());
        Assert.DoesNotContain("INTERNAL", cureWindow.GetProperty("timeline").GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("staff-0042", cureWindow.GetProperty("timeline").GetRawText(), StringComparison.Ordinal);
        Assert.Contains(cureWindow.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString() == CaseEvents.FileIncomplete);
        Assert.Equal(HttpStatusCode.OK, advance.StatusCode);
        Assert.Equal("deemedWithdrawn", closed.GetProperty("closedReason").GetString());
        Assert.Empty(closed.GetProperty("openDeadlines").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, cure);
        Assert.Equal("case-not-open", cureProblem.GetProperty("code").GetString());
        Assert.Equal(NotificationRecipient.Complainant, Assert.Single(sent, n => n.TemplateId == "deemed-withdrawn").Recipient);
    }

    [Fact]
    public async Task A_complaint_goes_through_provider_response_decision_and_delivery_UU_25_art_50()
    {
        var notifier = new RecordingCaseNotifier();
        await using var app = await StartAsync(azurite, notifier);

        var filed = await FileAsync(app, Filing(confidential: true));
        await UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await StaffAsync(app, filed.CaseId, CaseEvents.FileComplete);
        await UntilStageAsync(app, filed.Token, CaseStage.Examination);
        await UntilDeadlineAsync(app, filed.Token, "P8");

        // Staff issue the provider's capability link once the case is routed (the staff API will expose this).
        var link = await app.Service<ProviderLinks>().IssueAsync(filed.CaseId, CancellationToken.None);
        using var view = await app.Client.GetAsync(new Uri(link.Url, UriKind.Relative));
        var viewText = await view.Content.ReadAsStringAsync();
        var (docStatus, doc) = await UploadAsync(app, filed.CaseId, link.Token, "tanggapan-lampiran", "lampiran.pdf", Files.Pdf());
        var (responded, response) = await SendAsync(
            app, HttpMethod.Post, $"/api/provider/cases/{filed.CaseId}/response", link.Token,
            new JsonObject { ["response"] = "KTP-el telah dicetak dan dapat diambil.", ["documentIds"] = new JsonArray(doc.GetProperty("evidenceId").GetString()) });
        await Polling.UntilAsync(() => TrackAsync(app, filed.Token), t => t.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("what").GetString() == CaseEvents.ProviderResponseSubmitted), TimeSpan.FromSeconds(30));

        await StaffAsync(app, filed.CaseId, CaseEvents.DecisionIssued, new CaseAction { Actor = OfficeStaff, Note = "Pengaduan diterima; KTP-el diserahkan." });
        await UntilStageAsync(app, filed.Token, CaseStage.Delivery);
        await StaffAsync(app, filed.CaseId, CaseEvents.DecisionDelivered);
        var closed = await UntilStageAsync(app, filed.Token, CaseStage.Closed);
        var sent = await SentAsync(notifier, filed.CaseId, "decision-delivered");

        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.DoesNotContain("Siti", viewText, StringComparison.Ordinal);
        Assert.DoesNotContain("siti@example.org", viewText, StringComparison.Ordinal);
        Assert.Contains("\"complaintText\":\"pendingReview\"", viewText, StringComparison.Ordinal);
        Assert.Equal("P8", link.RuleId);
        Assert.Equal(HttpStatusCode.Created, docStatus);
        Assert.Equal("provider", doc.GetProperty("party").GetString());
        Assert.False(doc.GetProperty("late").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, responded);
        Assert.False(response.GetProperty("late").GetBoolean());
        Assert.Equal("decided", closed.GetProperty("closedReason").GetString());
        Assert.Contains(sent, n => n.TemplateId == "provider-response-received");
        Assert.All(sent.Where(n => n.Recipient == NotificationRecipient.Provider), n => Assert.DoesNotContain("Siti", JsonSerializer.Serialize(n.Data), StringComparison.Ordinal));
    }

    /// <summary>The case's notifications once <paramref name="template"/> was sent (notifications are activities, after the status is published).</summary>
    private static Task<IReadOnlyList<CaseNotification>> SentAsync(RecordingCaseNotifier notifier, string caseId, string template) =>
        Polling.UntilAsync(
            () => Task.FromResult<IReadOnlyList<CaseNotification>>([.. notifier.Sent.Where(n => n.CaseId == caseId)]),
            sent => sent.Any(n => n.TemplateId == template),
            TimeSpan.FromSeconds(30));
}
