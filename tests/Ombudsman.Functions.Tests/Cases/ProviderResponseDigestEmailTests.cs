using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Cases;

/// <summary>
/// In the app as a whole (HTTP, the engine, the mail pickup directory, the manual clock): five provider responses in
/// a day reach the complainant as one email that lists them, a day after the first.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProviderResponseDigestEmailTests(AzuriteFixture azurite)
{
    private const string DigestFiles = "complainant-provider-response-received-*.eml";

    [Fact]
    public async Task Five_provider_responses_in_a_day_send_the_complainant_one_email_listing_all_five()
    {
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}"]);
        var (filed, link) = await RoutedCaseWithProviderLinkAsync(app, confidential: false);

        for (var i = 1; i <= 5; i++)
        {
            var (status, _) = await SendAsync(
                app, HttpMethod.Post, $"/api/provider/cases/{filed.CaseId}/response", link.Token, new JsonObject { ["response"] = $"Tanggapan ke-{i}." });
            Assert.Equal(HttpStatusCode.Accepted, status);
        }

        await Polling.UntilAsync(() => TrackAsync(app, filed.Token), t => Responses(t) == 5, TimeSpan.FromSeconds(30));
        var sameDay = Digests(app).Length;
        using var advance = await app.Client.PostAsJsonAsync(new Uri("/api/dev/clock/advance", UriKind.Relative), new { by = "P1D" });
        var digests = await Polling.UntilAsync(() => Task.FromResult(Digests(app)), files => files.Length > 0, TimeSpan.FromSeconds(30));
        var text = PlainText(await File.ReadAllTextAsync(Assert.Single(digests)));

        Assert.Equal(HttpStatusCode.OK, advance.StatusCode);
        Assert.Equal(0, sameDay);
        Assert.Contains("5 tanggapan", text, StringComparison.Ordinal);
        Assert.Equal(5, text.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal) && line.TrimEnd().EndsWith("WIB", StringComparison.Ordinal)));
    }

    private static string[] Digests(TestApp app) =>
        Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, DigestFiles) : [];

    private static int Responses(System.Text.Json.JsonElement tracked) =>
        tracked.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("what").GetString() == CaseEvents.ProviderResponseSubmitted);

    /// <summary>The decoded text/plain part of a MIME message written by the pickup directory (base64 parts).</summary>
    private static string PlainText(string eml)
    {
        var lines = eml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("Content-Type: text/plain", StringComparison.OrdinalIgnoreCase));
        var body = Array.FindIndex(lines, start, string.IsNullOrEmpty) + 1;
        var base64 = string.Concat(lines.Skip(body).TakeWhile(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)));
        return Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
