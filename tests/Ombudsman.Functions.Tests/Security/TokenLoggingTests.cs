using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.Security;

/// <summary>
/// With every category logging at Trace, real requests carrying a real tracking token in the URL, in the header and in
/// a failing request leave no trace of the token in any log record, while the records themselves are there.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TokenLoggingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task No_log_record_of_any_category_or_level_holds_the_token()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await TestApp.StartAsync(
            azurite,
            ["Clock:Mode=Manual", $"Clock:Start={PublicApi.Start:O}", "Logging:LogLevel:Default=Trace"],
            configureServices: s => s.AddSingleton<ICaseNotifier>(new RecordingCaseNotifier()).AddSingleton<ILoggerProvider>(logs));
        var filed = await PublicApi.FileAsync(app, PublicApi.Filing());

        using var page = await app.Client.GetAsync(new Uri($"/api/complaints/{filed.CaseId}/receipt.html?token={filed.Token}", UriKind.Relative));
        using var tracked = await app.Client.GetAsync(new Uri($"/api/track?lang=id&token={filed.Token}", UriKind.Relative));
        var (header, _) = await PublicApi.SendAsync(app, HttpMethod.Get, "/api/track", filed.Token);
        using var unknown = await app.Client.GetAsync(new Uri($"/api/no-such-route?token={filed.Token}", UriKind.Relative));
        using var malformed = await app.Client.PostAsync(
            new Uri($"/api/complaints/{filed.CaseId}/withdraw?token={filed.Token}", UriKind.Relative),
            new StringContent("not json", System.Text.Encoding.UTF8, "application/json"));
        app.Service<ILoggerFactory>().CreateLogger("Ombudsman.Tests").LogError(
            new InvalidOperationException($"GET /api/track?token={filed.Token} failed"), "Request for {Url} failed", $"/api/track?token={filed.Token}");

        var records = logs.Records;
        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest),
            (page.StatusCode, tracked.StatusCode, header, unknown.StatusCode, malformed.StatusCode));
        Assert.Contains(records, r => r.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && r.Message.Contains("/api/track?lang=id&token=[redacted]", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && r.Message.Contains("receipt.html?token=[redacted]", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Category == "Ombudsman.Tests" && r.AllText.Contains("InvalidOperationException", StringComparison.Ordinal));
        Assert.All(records, r => Assert.DoesNotContain(filed.Token, r.AllText, StringComparison.Ordinal));
    }
}
