using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ombudsman.Functions.Clock;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Security;

/// <summary>
/// The complainant's tracking token: it stops working a set time after the case closes, and a complainant who lost it
/// can have a new one mailed to the address on file (the old one is then refused), without the answer telling anyone
/// whether a receipt number exists.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ComplainantTokenTests(AzuriteFixture azurite)
{
    private const string LinkRequests = "/api/track/link-requests";

    [Fact]
    public async Task The_tracking_token_expires_the_set_time_after_the_case_closes_and_not_before()
    {
        await using var app = await PublicApi.StartAsync(azurite, new RecordingCaseNotifier(), "Access:ComplainantTokenLifetimeAfterClose=30.00:00:00");
        var filed = await FileAsync(app, Filing());
        var (withdrawn, _) = await SendAsync(app, HttpMethod.Post, $"/api/complaints/{filed.CaseId}/withdraw", filed.Token, new JsonObject { ["reason"] = "Sudah diselesaikan." });
        await UntilStageAsync(app, filed.Token, CaseStage.Closed);

        Advance(app, TimeSpan.FromDays(29));
        var (stillOpen, _) = await SendAsync(app, HttpMethod.Get, "/api/track", filed.Token);
        var (filesBefore, _) = await SendAsync(app, HttpMethod.Get, $"/api/cases/{filed.CaseId}/evidence", filed.Token);
        Advance(app, TimeSpan.FromDays(2));
        var (expired, problem) = await SendAsync(app, HttpMethod.Get, "/api/track", filed.Token);
        var (filesAfter, _) = await SendAsync(app, HttpMethod.Get, $"/api/cases/{filed.CaseId}/evidence", filed.Token);

        Assert.Equal(HttpStatusCode.Accepted, withdrawn);
        Assert.Equal(HttpStatusCode.OK, stillOpen);
        Assert.Equal(HttpStatusCode.OK, filesBefore);
        Assert.Equal(HttpStatusCode.Unauthorized, expired);
        Assert.Equal("token-expired", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, filesAfter);
    }

    [Fact]
    public async Task An_open_case_keeps_its_tracking_token_however_long_it_runs()
    {
        await using var app = await PublicApi.StartAsync(azurite, new RecordingCaseNotifier(), "Access:ComplainantTokenLifetimeAfterClose=1.00:00:00");
        var filed = await FileAsync(app, Filing());

        Advance(app, TimeSpan.FromDays(5));
        var (status, _) = await SendAsync(app, HttpMethod.Get, "/api/track", filed.Token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_new_link_is_mailed_to_the_address_on_file_and_the_old_token_is_refused()
    {
        await using var app = await PublicApi.StartAsync(azurite, new RecordingCaseNotifier());
        var filed = await FileAsync(app, Filing());

        var (status, answer) = await SendAsync(app, HttpMethod.Post, LinkRequests, token: null, new JsonObject { ["receiptNumber"] = " " + filed.ReceiptNumber.ToLowerInvariant() + " " });
        var mail = Assert.Single(Mails(app));
        var newToken = TokenIn(mail);
        var (oldTrack, oldProblem) = await SendAsync(app, HttpMethod.Get, "/api/track", filed.Token);
        var (newTrack, tracked) = await SendAsync(app, HttpMethod.Get, "/api/track", newToken);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("accepted", answer.GetProperty("status").GetString());
        Assert.Contains("To: \"Siti Rahmawati\" <siti@example.org>", mail, StringComparison.Ordinal);
        Assert.Contains(filed.ReceiptNumber, mail, StringComparison.Ordinal);
        Assert.NotEqual(filed.Token, newToken);
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid-token"), (oldTrack, oldProblem.GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.OK, filed.CaseId), (newTrack, tracked.GetProperty("caseId").GetString()));
    }

    [Fact]
    public async Task The_answer_is_the_same_for_a_receipt_number_on_file_and_one_that_is_not()
    {
        await using var app = await PublicApi.StartAsync(azurite, new RecordingCaseNotifier());
        var filed = await FileAsync(app, Filing());

        using var known = await PostAsync(app, new JsonObject { ["receiptNumber"] = filed.ReceiptNumber });
        using var unknown = await PostAsync(app, new JsonObject { ["receiptNumber"] = "JKT-20260302-AAAAAAAAAA" });
        using var nonsense = await PostAsync(app, new JsonObject { ["receiptNumber"] = "<script>" });
        var (missing, problem) = await SendAsync(app, HttpMethod.Post, LinkRequests, token: null, new JsonObject());

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, nonsense.StatusCode);
        var body = await known.Content.ReadAsStringAsync();
        Assert.Equal(body, await unknown.Content.ReadAsStringAsync());
        Assert.Equal(body, await nonsense.Content.ReadAsStringAsync());
        Assert.Equal(
            known.Headers.Select(h => h.Key).Order(StringComparer.Ordinal).Where(h => h != "Date"),
            unknown.Headers.Select(h => h.Key).Order(StringComparer.Ordinal).Where(h => h != "Date"));
        Assert.Single(Mails(app));
        Assert.Equal((HttpStatusCode.BadRequest, "validation-failed"), (missing, problem.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Link_requests_are_rate_limited_and_one_case_gets_at_most_one_link_per_window()
    {
        await using var app = await PublicApi.StartAsync(azurite, new RecordingCaseNotifier(), "RateLimiting:PublicIntake:PermitLimit=3", "RateLimiting:PublicIntake:WindowSeconds=3600");
        var filed = await FileAsync(app, Filing());

        using var first = await PostAsync(app, new JsonObject { ["receiptNumber"] = filed.ReceiptNumber });
        using var second = await PostAsync(app, new JsonObject { ["receiptNumber"] = filed.ReceiptNumber });
        using var limited = await PostAsync(app, new JsonObject { ["receiptNumber"] = filed.ReceiptNumber });
        var mailed = TokenIn(Assert.Single(Mails(app)));
        var (track, _) = await SendAsync(app, HttpMethod.Get, "/api/track", mailed);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, track);
    }

    [Fact]
    public async Task No_new_link_goes_out_for_a_case_whose_tokens_have_expired()
    {
        await using var app = await PublicApi.StartAsync(azurite, new RecordingCaseNotifier(), "Access:ComplainantTokenLifetimeAfterClose=1.00:00:00");
        var filed = await FileAsync(app, Filing());
        await SendAsync(app, HttpMethod.Post, $"/api/complaints/{filed.CaseId}/withdraw", filed.Token, new JsonObject { ["reason"] = "Sudah diselesaikan." });
        await UntilStageAsync(app, filed.Token, CaseStage.Closed);
        Advance(app, TimeSpan.FromDays(2));

        using var request = await PostAsync(app, new JsonObject { ["receiptNumber"] = filed.ReceiptNumber });

        Assert.Equal(HttpStatusCode.Accepted, request.StatusCode);
        Assert.Empty(Mails(app));
    }

    private static void Advance(TestApp app, TimeSpan by)
    {
        var clock = app.Service<ManualClock>();
        clock.MoveTo(clock.GetUtcNow() + by);
    }

    private static Task<HttpResponseMessage> PostAsync(TestApp app, JsonObject body) =>
        app.Client.PostAsync(new Uri(LinkRequests, UriKind.Relative), Json(body));

    /// <summary>The tracking-link emails in the app's pickup directory, their base64 parts decoded.</summary>
    private static List<string> Mails(TestApp app) =>
        Directory.Exists(app.MailDirectory)
            ? [.. Directory.GetFiles(app.MailDirectory, "complainant-tracking-link-*.eml").Select(f => Decode(File.ReadAllText(f)))]
            : [];

    private static string Decode(string eml) =>
        Base64Part().Replace(eml, m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["data"].Value.Replace("\r\n", "", StringComparison.Ordinal))));

    private static string TokenIn(string mail) => TokenLink().Match(mail) is { Success: true } m ? m.Groups["token"].Value : throw new InvalidOperationException("no tracking link in the email:\n" + mail);

    [GeneratedRegex(@"(?<=Content-Transfer-Encoding: base64\r\n\r\n)(?<data>(?:[A-Za-z0-9+/=]+\r\n)+)")]
    private static partial Regex Base64Part();

    [GeneratedRegex(@"\?token=(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex TokenLink();
}
