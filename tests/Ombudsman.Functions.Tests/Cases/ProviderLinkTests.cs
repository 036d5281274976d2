using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Cases;

/// <summary>The provider's capability link: issued once the case is routed, expires with the response deadline plus grace, revocable; late work is accepted and marked.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProviderLinkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task No_link_is_issued_before_the_case_is_routed()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var filed = await FileAsync(app, Filing());
        await UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);

        var refused = await Assert.ThrowsAsync<DomainException>(() => app.Service<ProviderLinks>().IssueAsync(filed.CaseId, CancellationToken.None));

        Assert.Equal("provider-link-not-available", refused.Code);
    }

    [Fact]
    public async Task The_provider_sees_the_complainant_when_not_confidential_and_the_complainant_token_does_not_open_the_provider_view()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var link = await RoutedCaseAsync(app, confidential: false);

        var (status, view) = await SendAsync(app, HttpMethod.Get, $"/api/provider/cases/{link.Filed.CaseId}", link.Link.Token);
        var (asComplainant, problem) = await SendAsync(app, HttpMethod.Get, $"/api/provider/cases/{link.Filed.CaseId}", link.Filed.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Siti Rahmawati", view.GetProperty("complainant").GetProperty("name").GetString());
        Assert.Equal(link.Link.RespondBy, view.GetProperty("respondBy").GetDateTimeOffset());
        Assert.Equal(link.Link.RespondBy.AddDays(7), view.GetProperty("linkExpiresAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Unauthorized, asComplainant);
        Assert.Equal("invalid-token", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task After_the_response_deadline_uploads_and_the_response_are_accepted_and_marked_late_and_after_the_grace_the_link_expires()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCaseAsync(app, confidential: true);
        var pastDeadline = routed.Link.RespondBy - Start + TimeSpan.FromDays(1);

        using var advance = await app.Client.PostAsJsonAsync(new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = System.Xml.XmlConvert.ToString(pastDeadline) });
        var (docStatus, doc) = await UploadAsync(app, routed.Filed.CaseId, routed.Link.Token, "tanggapan-terlambat", "tanggapan.pdf", Files.Pdf());
        var (responded, response) = await SendAsync(
            app, HttpMethod.Post, $"/api/provider/cases/{routed.Filed.CaseId}/response", routed.Link.Token, new JsonObject { ["response"] = "Maaf terlambat." });
        using var expire = await app.Client.PostAsJsonAsync(new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = "P7D" });
        var (expired, problem) = await SendAsync(app, HttpMethod.Get, $"/api/provider/cases/{routed.Filed.CaseId}", routed.Link.Token);

        Assert.Equal(HttpStatusCode.OK, advance.StatusCode);
        Assert.Equal(HttpStatusCode.Created, docStatus);
        Assert.True(doc.GetProperty("late").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, responded);
        Assert.True(response.GetProperty("late").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, expired);
        Assert.Equal("token-expired", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_revoked_link_opens_nothing_and_a_new_link_replaces_the_old()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCaseAsync(app, confidential: true);
        var links = app.Service<ProviderLinks>();

        var revoked = await links.RevokeAsync(routed.Filed.CaseId, CancellationToken.None);
        var (view, problem) = await SendAsync(app, HttpMethod.Get, $"/api/provider/cases/{routed.Filed.CaseId}", routed.Link.Token);
        var (upload, _) = await UploadAsync(app, routed.Filed.CaseId, routed.Link.Token, "after-revocation", "x.pdf", Files.Pdf());
        var second = await links.IssueAsync(routed.Filed.CaseId, CancellationToken.None);
        var third = await links.IssueAsync(routed.Filed.CaseId, CancellationToken.None);
        var (secondView, _) = await SendAsync(app, HttpMethod.Get, $"/api/provider/cases/{routed.Filed.CaseId}", second.Token);
        var (thirdView, _) = await SendAsync(app, HttpMethod.Get, $"/api/provider/cases/{routed.Filed.CaseId}", third.Token);

        Assert.True(revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, view);
        Assert.Equal("invalid-token", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, upload);
        Assert.Equal(HttpStatusCode.Unauthorized, secondView);
        Assert.Equal(HttpStatusCode.OK, thirdView);
    }

    [Fact]
    public async Task A_response_without_text_or_with_unknown_documents_is_refused_naming_the_fields()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCaseAsync(app, confidential: true);

        var (status, problem) = await SendAsync(
            app, HttpMethod.Post, $"/api/provider/cases/{routed.Filed.CaseId}/response", routed.Link.Token,
            new JsonObject { ["response"] = " ", ["documentIds"] = new JsonArray("never-uploaded") });
        var tracked = await TrackAsync(app, routed.Filed.Token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            ["response", "documentIds[0]"],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.DoesNotContain(tracked.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString() == CaseEvents.ProviderResponseSubmitted);
    }

    private static async Task<(Filed Filed, ProviderLink Link)> RoutedCaseAsync(TestApp app, bool confidential)
    {
        var filed = await FileAsync(app, Filing(confidential));
        await UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await StaffAsync(app, filed.CaseId, CaseEvents.FileComplete);
        await UntilDeadlineAsync(app, filed.Token, "P8");
        return (filed, await app.Service<ProviderLinks>().IssueAsync(filed.CaseId, CancellationToken.None));
    }
}
