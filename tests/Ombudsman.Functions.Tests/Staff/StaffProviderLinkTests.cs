using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using static Ombudsman.Functions.Tests.Staff.StaffApp;

namespace Ombudsman.Functions.Tests.Staff;

/// <summary>
/// Staff issue and revoke a case's provider capability link over HTTP on the real app: the link opens the provider's
/// view until revoked; another office's case is a missing case (404); roles other than intake, examiner and head get 403.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaffProviderLinkTests(AzuriteFixture azurite)
{
    private const string JakartaAdjudicator = "198704-04;JKT;adjudicator;Hendra Gunawan";

    [Fact]
    public async Task Staff_issue_a_link_the_provider_opens_the_case_with_it_and_after_revocation_gets_invalid_token()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await RoutedCaseAsync(app);

        using var issued = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/provider-link", JakartaExaminer);
        var link = await ReadAsync(issued, HttpStatusCode.Created);
        var token = link.GetProperty("token").GetString()!;
        var url = link.GetProperty("url").GetString()!;
        var (opened, view) = await ProviderAsync(app, $"/api/provider/cases/{caseId}", token);
        var (openedByUrl, _) = await ProviderAsync(app, url, token: null);
        using var revoked = await app.SendAsync(HttpMethod.Delete, $"/api/staff/cases/{caseId}/provider-link", JakartaIntake);
        var (afterRevocation, problem) = await ProviderAsync(app, $"/api/provider/cases/{caseId}", token);

        Assert.Equal($"/api/staff/cases/{caseId}/provider-link", issued.Headers.Location?.OriginalString);
        Assert.Equal(43, token.Length);
        Assert.Contains(token, url, StringComparison.Ordinal);
        Assert.True(link.GetProperty("expiresAt").GetDateTimeOffset() > link.GetProperty("respondBy").GetDateTimeOffset());
        Assert.Equal("P8", link.GetProperty("ruleId").GetString());
        Assert.Equal(HttpStatusCode.OK, opened);
        Assert.Equal(link.GetProperty("expiresAt").GetDateTimeOffset(), view.GetProperty("linkExpiresAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, openedByUrl);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation);
        Assert.Equal("invalid-token", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_page_address_is_on_the_configured_site_and_a_provider_without_an_email_address_is_reported_as_not_emailed()
    {
        await using var app = await StaffApp.StartAsync(azurite, ["Email:UploadBaseUrl=https://pengaduan.example.test/provider/"]);
        var caseId = await RoutedCaseAsync(app);

        using var issued = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/provider-link", JakartaExaminer);
        var link = await ReadAsync(issued, HttpStatusCode.Created);
        var token = link.GetProperty("token").GetString()!;

        Assert.Equal($"https://pengaduan.example.test/provider/{caseId}?token={token}", link.GetProperty("pageUrl").GetString());
        Assert.False(link.GetProperty("emailed").GetBoolean());
        Assert.Contains("no valid email address", link.GetProperty("emailProblem").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(app.App.MailDirectory) && Directory.GetFiles(app.App.MailDirectory, "provider-link-*.eml").Length > 0);
    }

    [Fact]
    public async Task A_new_link_revokes_the_old_one()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await RoutedCaseAsync(app);

        using var first = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/provider-link", JakartaIntake);
        var firstToken = (await ReadAsync(first, HttpStatusCode.Created)).GetProperty("token").GetString()!;
        using var second = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/provider-link", JakartaHead);
        var secondToken = (await ReadAsync(second, HttpStatusCode.Created)).GetProperty("token").GetString()!;
        var (old, _) = await ProviderAsync(app, $"/api/provider/cases/{caseId}", firstToken);
        var (current, _) = await ProviderAsync(app, $"/api/provider/cases/{caseId}", secondToken);

        Assert.NotEqual(firstToken, secondToken);
        Assert.Equal(HttpStatusCode.Unauthorized, old);
        Assert.Equal(HttpStatusCode.OK, current);
    }

    [Fact]
    public async Task Another_office_gets_404_and_a_role_not_allowed_gets_403_and_neither_changes_the_link()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await RoutedCaseAsync(app);
        using var issued = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/provider-link", JakartaExaminer);
        var token = (await ReadAsync(issued, HttpStatusCode.Created)).GetProperty("token").GetString()!;

        using var foreignIssue = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/provider-link", BandungHead);
        using var foreignRevoke = await app.SendAsync(HttpMethod.Delete, $"/api/staff/cases/{caseId}/provider-link", BandungHead);
        using var missing = await app.SendAsync(HttpMethod.Post, "/api/staff/cases/case-that-does-not-exist/provider-link", BandungHead);
        using var adjudicatorIssue = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/provider-link", JakartaAdjudicator);
        using var adjudicatorRevoke = await app.SendAsync(HttpMethod.Delete, $"/api/staff/cases/{caseId}/provider-link", JakartaAdjudicator);
        using var anonymous = await app.SendAsync(HttpMethod.Delete, $"/api/staff/cases/{caseId}/provider-link", staff: null);
        var (stillOpen, _) = await ProviderAsync(app, $"/api/provider/cases/{caseId}", token);

        Assert.Equal("case-not-found", (await ReadAsync(foreignIssue, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("case-not-found", (await ReadAsync(foreignRevoke, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("case-not-found", (await ReadAsync(missing, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("role-not-allowed", (await ReadAsync(adjudicatorIssue, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal("role-not-allowed", (await ReadAsync(adjudicatorRevoke, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillOpen);
    }

    [Fact]
    public async Task A_case_whose_provider_deadline_is_not_running_gets_409()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);

        using var response = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/provider-link", JakartaHead);
        var problem = await ReadAsync(response, HttpStatusCode.Conflict);

        Assert.Equal("provider-link-not-available", problem.GetProperty("code").GetString());
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Files a case, completes the file and waits until the provider's response deadline (P8) runs.</summary>
    internal static async Task<string> RoutedCaseAsync(StaffApp app)
    {
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);
        using var complete = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/file-complete", JakartaIntake);
        await ReadAsync(complete, HttpStatusCode.Accepted);
        await app.CaseAsync(caseId, JakartaIntake, c => c.GetProperty("openDeadlines").EnumerateArray().Any(d => d.GetProperty("ruleId").GetString() == "P8"));
        return caseId;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ProviderAsync(StaffApp app, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await app.App.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
