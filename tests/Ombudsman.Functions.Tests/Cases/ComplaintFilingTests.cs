using System.Net;
using System.Text.Json.Nodes;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Cases;

/// <summary>POST /api/complaints: every item of UU 25/2009 art. 42 checked at once, a receipt (art. 44), a tracking token; a refusal stores nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ComplaintFilingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_complete_complaint_gets_a_case_id_a_receipt_number_and_a_tracking_token_that_opens_the_receipt()
    {
        var notifier = new RecordingCaseNotifier();
        await using var app = await StartAsync(azurite, notifier);

        var filed = await FileAsync(app, Filing());
        var (status, receipt) = await SendAsync(app, HttpMethod.Get, $"/api/complaints/{filed.CaseId}/receipt", filed.Token);

        Assert.Matches("^jkt-20260302-[a-z2-7]{10}$", filed.CaseId);
        Assert.Equal(filed.CaseId.ToUpperInvariant(), filed.ReceiptNumber);
        Assert.Equal(43, filed.Token.Length);
        Assert.False(filed.Body.GetProperty("filedLate").GetBoolean());
        Assert.Equal("/api/track", filed.Body.GetProperty("links").GetProperty("track").GetString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(filed.ReceiptNumber, receipt.GetProperty("receiptNumber").GetString());
        Assert.Equal("Siti Rahmawati", receipt.GetProperty("complainant").GetProperty("name").GetString());
        Assert.Equal("Jl. Melati No. 5, Jakarta Timur", receipt.GetProperty("complainant").GetProperty("address").GetString());
        Assert.StartsWith("Pembuatan KTP-el", receipt.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Jakarta", receipt.GetProperty("filedAtPlace").GetString());
        Assert.Equal(Start, receipt.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal("2026-03-02 08:00 WIB", receipt.GetProperty("receivedAtLocal").GetString());
        Assert.Equal("Ombudsman RI Perwakilan Jakarta Raya", receipt.GetProperty("receivedBy").GetString());
        Assert.False(string.IsNullOrEmpty(receipt.GetProperty("receivingOfficial").GetString()));
        Assert.Equal("UU 25/2009 art. 44", receipt.GetProperty("citationText").GetString());
    }

    [Fact]
    public async Task The_printable_receipt_is_html_with_every_value_encoded_and_opens_with_the_token_in_the_query()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var filing = Filing();
        filing["description"] = "<script>alert('x')</script> antrean & pungutan";
        var filed = await FileAsync(app, filing);

        using var response = await app.Client.GetAsync(new Uri($"/api/complaints/{filed.CaseId}/receipt.html?token={filed.Token}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(filed.ReceiptNumber, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; antrean &amp; pungutan", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 08:00 WIB", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_missing_statutory_items_is_refused_listing_every_field_and_nothing_is_stored()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var before = await SnapshotAsync(app);
        var filing = Filing();
        filing["complainant"]!.AsObject().Remove("address");
        filing["complainant"]!["email"] = "not-an-email";
        filing.Remove("description");
        filing.Remove("signature");
        filing["serviceReceivedOn"] = "20-02-2026";
        filing["provider"]!["kind"] = "ministry";
        filing["representative"] = new JsonObject { ["name"] = "Andi" };

        var (status, problem) = await SendAsync(app, HttpMethod.Post, "/api/complaints", null, filing);
        var after = await SnapshotAsync(app);
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", problem.GetProperty("code").GetString());
        Assert.Equal(
            [
                ("complainant.address", "field-required"), ("complainant.email", "invalid-email"), ("representative.email", "field-required"),
                ("representative.powerOfAttorney", "field-required"), ("provider.kind", "invalid-provider-kind"), ("description", "field-required"),
                ("signature", "field-required"), ("serviceReceivedOn", "invalid-date"),
            ],
            errors);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_report_more_than_two_years_after_the_event_is_refused_at_once_and_nothing_is_stored()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var before = await SnapshotAsync(app);
        var filing = Filing(path: "ombudsman");
        filing.Remove("serviceReceivedOn");
        filing["eventOn"] = "2023-12-01";
        filing["priorComplaint"] = new JsonObject { ["filedOn"] = "2024-01-05", ["outcome"] = "No answer." };

        var (status, problem) = await SendAsync(app, HttpMethod.Post, "/api/complaints", null, filing);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("report-limit-exceeded", problem.GetProperty("code").GetString());
        Assert.Equal("eventOn", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains("UU 37/2008 art. 24", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Fact]
    public async Task A_report_to_the_ombudsman_needs_the_prior_complaint()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var filing = Filing(path: "ombudsman");
        filing.Remove("serviceReceivedOn");
        filing["eventOn"] = "2026-02-01";

        var (status, problem) = await SendAsync(app, HttpMethod.Post, "/api/complaints", null, filing);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("priorComplaint", error.GetProperty("field").GetString());
        Assert.Equal("prior-complaint-required", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_complaint_filed_more_than_30_days_after_the_service_is_accepted_and_flagged_late()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var filing = Filing();
        filing["serviceReceivedOn"] = "2026-01-15";

        var filed = await FileAsync(app, filing);
        var tracked = await Polling.UntilAsync(() => TrackAsync(app, filed.Token), t => t.GetProperty("filedLate").GetBoolean(), TimeSpan.FromSeconds(30));

        Assert.True(filed.Body.GetProperty("filedLate").GetBoolean());
        Assert.Contains(tracked.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString()!.StartsWith("Filed late", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_wrong_or_foreign_token_is_refused_with_its_code()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var first = await FileAsync(app, Filing());
        var second = await FileAsync(app, Filing());

        var (none, noneProblem) = await SendAsync(app, HttpMethod.Get, $"/api/complaints/{first.CaseId}/receipt", null);
        var (bad, badProblem) = await SendAsync(app, HttpMethod.Get, $"/api/complaints/{first.CaseId}/receipt", new string('A', 43));
        var (foreign, foreignProblem) = await SendAsync(app, HttpMethod.Get, $"/api/complaints/{first.CaseId}/receipt", second.Token);
        var (track, _) = await SendAsync(app, HttpMethod.Get, "/api/track", "garbage");

        Assert.Equal(HttpStatusCode.Unauthorized, none);
        Assert.Equal("token-required", noneProblem.GetProperty("code").GetString());
        Assert.Equal("token", noneProblem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, bad);
        Assert.Equal("invalid-token", badProblem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, foreign);
        Assert.Equal("invalid-token", foreignProblem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, track);
    }

    [Fact]
    public async Task Filing_is_rate_limited_per_client_with_429_and_retry_after()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier(), "RateLimiting:PublicIntake:PermitLimit=2", "RateLimiting:PublicIntake:WindowSeconds=3600");

        await FileAsync(app, Filing());
        await FileAsync(app, Filing());
        using var third = await app.Client.PostAsync(new Uri("/api/complaints", UriKind.Relative), Json(Filing()));
        var problem = await ReadAsync(third);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("rate-limited", problem.GetProperty("code").GetString());
        Assert.NotNull(third.Headers.RetryAfter);
    }
}
