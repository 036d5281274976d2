using System.Net;
using System.Text.RegularExpressions;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Disclosure;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>The provider's page over plain HTTP: how it words the deadline's citation, and a response too large to read.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ProviderPageHttpTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_deadlines_citation_says_pasal_on_the_Indonesian_page_and_art_on_the_English_one()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCase.FileAsync(app, Filing());
        using var provider = await OpenAsync(app, routed);

        var indonesian = Deadline(await provider.GetStringAsync(new Uri($"/provider/{routed.CaseId}", UriKind.Relative)));
        var english = Deadline(await provider.GetStringAsync(new Uri($"/provider/{routed.CaseId}?lang=en", UriKind.Relative)));

        Assert.Matches(@"Dasar hukum: UU 25/2009 pasal \d+", indonesian);
        Assert.DoesNotContain("art.", indonesian, StringComparison.Ordinal);
        Assert.Matches(@"Legal basis: UU 25/2009 art\. \d+", english);
        Assert.DoesNotContain("pasal", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_over_its_size_limit_gets_the_too_large_page_in_the_visitors_language_and_stores_nothing()
    {
        const long evidenceMaxBytes = 1024;
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier(), $"Evidence:MaxBytes={evidenceMaxBytes}");
        var routed = await RoutedCase.FileAsync(app, Filing());
        using var provider = await OpenAsync(app, routed);
        var html = await provider.GetStringAsync(new Uri($"/provider/{routed.CaseId}", UriKind.Relative));
        var formToken = FormField().Match(html).Groups["value"].Value;

        var limit = (evidenceMaxBytes * ProviderPageView.MaxDocumentsPerResponse) + (1024 * 1024);
        using var form = await OversizedForms.CreateAsync(formToken, "response", "Tanggapan dengan lampiran besar.", "documents", "tanggapan.pdf", limit + 1024);
        using var response = await provider.PostAsync(new Uri($"/provider/{routed.CaseId}/response", UriKind.Relative), form);
        var page = await response.Content.ReadAsStringAsync();
        var (_, files) = await SendAsync(app, HttpMethod.Get, $"/api/cases/{routed.CaseId}/evidence", routed.ProviderToken);
        var tracked = await TrackAsync(app, routed.Filed.Token);

        Assert.False(string.IsNullOrEmpty(formToken));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["id"], response.Content.Headers.ContentLanguage);
        Assert.Contains("Berkas terlalu besar", page, StringComparison.Ordinal);
        Assert.Contains("Tidak ada yang disimpan.", page, StringComparison.Ordinal);
        Assert.Equal(0, files.GetArrayLength());
        Assert.DoesNotContain(tracked.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString() == CaseEvents.ProviderResponseSubmitted);
    }

    /// <summary>A client holding the provider's cookie: the link's token exchanged as a browser exchanges it.</summary>
    private static async Task<HttpClient> OpenAsync(TestApp app, RoutedCase routed)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var opened = await client.GetAsync(new Uri($"/provider/{routed.CaseId}?token={routed.ProviderToken}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
        return client;
    }

    /// <summary>The deadline's box as a reader sees it: tags gone, entities decoded, whitespace collapsed.</summary>
    private static string Deadline(string html)
    {
        var box = DeadlineBox().Match(html);
        Assert.True(box.Success, "no deadline on the page");
        return Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(box.Value, " ")), " ");
    }

    [GeneratedRegex("name=\"__form\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex FormField();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[a-z]+ class=\"deadline[^\"]*\"[\\s\\S]*?</section>")]
    private static partial Regex DeadlineBox();
}
