using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;
using static Ombudsman.Functions.Tests.Disclosure.RoutedCase;

namespace Ombudsman.Functions.Tests.Disclosure;

/// <summary>
/// UU 25/2009 art. 42(5): a provider link lists, downloads and links only the provider's own documents and the files
/// staff shared with it, and a shared file only under a neutral name; staff share and unshare, and each decision is on
/// the case timeline for staff only.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProviderFileSharingTests(AzuriteFixture azurite)
{
    private const string IdentityCard = "KTP Siti Rahmawati.pdf";

    [Fact]
    public async Task A_provider_link_lists_downloads_and_links_no_complainant_file_until_staff_share_it_and_then_only_under_a_neutral_name()
    {
        // The real clock: storage checks the link's expiry against its own time.
        await using var app = await TestApp.StartAsync(azurite, configureServices: s => s.AddSingleton<ICaseNotifier>(new RecordingCaseNotifier()));
        var filing = Filing(confidential: true);
        filing["serviceReceivedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("O", CultureInfo.InvariantCulture);
        var routed = await RoutedCase.FileAsync(app, filing);
        var ktp = Files.Pdf(321);
        var (_, complainantFile) = await UploadAsync(app, routed.CaseId, routed.Filed.Token, IdentityCard, ktp);
        var (_, providerFile) = await UploadAsync(app, routed.CaseId, routed.ProviderToken, "tanggapan.pdf", Files.Pdf());
        var ktpId = complainantFile.GetProperty("evidenceId").GetString()!;
        var evidence = $"/api/cases/{routed.CaseId}/evidence";

        var (_, listedBefore) = await SendAsync(app, HttpMethod.Get, evidence, routed.ProviderToken);
        var (downloadBefore, _, _) = await DownloadAsync(app, $"{evidence}/{ktpId}", routed.ProviderToken);
        var (linkBefore, _) = await SendAsync(app, HttpMethod.Get, $"{evidence}/{ktpId}/link", routed.ProviderToken);

        Assert.Equal([providerFile.GetProperty("evidenceId").GetString()], listedBefore.EnumerateArray().Select(f => f.GetProperty("evidenceId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, downloadBefore);
        Assert.Equal(HttpStatusCode.NotFound, linkBefore);

        var (shareStatus, shared) = await AsStaffAsync(app, HttpMethod.Post, $"/api/staff/cases/{routed.CaseId}/disclosure/files/{ktpId}", JakartaExaminer);
        var (_, listedShared) = await SendAsync(app, HttpMethod.Get, evidence, routed.ProviderToken);
        var (download, disposition, bytes) = await DownloadAsync(app, $"{evidence}/lampiran-1", routed.ProviderToken);
        var (byRealId, _, _) = await DownloadAsync(app, $"{evidence}/{ktpId}", routed.ProviderToken);
        var (_, link) = await SendAsync(app, HttpMethod.Get, $"{evidence}/lampiran-1/link", routed.ProviderToken);
        using var plain = new HttpClient();
        using var viaLink = await plain.GetAsync(new Uri(link.GetProperty("url").GetString()!));

        Assert.Equal(HttpStatusCode.OK, shareStatus);
        Assert.Equal("lampiran-1.pdf", shared.GetProperty("neutralName").GetString());
        var sharedListed = Assert.Single(listedShared.EnumerateArray(), f => f.GetProperty("evidenceId").GetString() == "lampiran-1");
        Assert.Equal("lampiran-1.pdf", sharedListed.GetProperty("fileName").GetString());
        Assert.Equal("lampiran-1.pdf", sharedListed.GetProperty("originalName").GetString());
        Assert.Equal(2, listedShared.GetArrayLength());
        Assert.DoesNotContain("KTP", listedShared.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Siti", listedShared.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, download);
        Assert.Equal(ktp, bytes);
        Assert.Contains("lampiran-1.pdf", disposition, StringComparison.Ordinal);
        Assert.DoesNotContain("KTP", disposition, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, byRealId);
        Assert.True(viaLink.IsSuccessStatusCode, await viaLink.Content.ReadAsStringAsync());
        Assert.Equal(ktp, await viaLink.Content.ReadAsByteArrayAsync());
        Assert.Contains("lampiran-1.pdf", viaLink.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("KTP", viaLink.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unshared_file_disappears_from_the_provider_link_and_staff_alone_see_both_decisions_on_the_timeline()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCase.FileAsync(app, Filing(confidential: false));
        var (_, complainantFile) = await UploadAsync(app, routed.CaseId, routed.Filed.Token, IdentityCard, Files.Pdf());
        var ktpId = complainantFile.GetProperty("evidenceId").GetString()!;
        var evidence = $"/api/cases/{routed.CaseId}/evidence";

        var (shared, _) = await AsStaffAsync(app, HttpMethod.Post, $"/api/staff/cases/{routed.CaseId}/disclosure/files/{ktpId}", JakartaExaminer);
        var (unshared, _) = await AsStaffAsync(app, HttpMethod.Delete, $"/api/staff/cases/{routed.CaseId}/disclosure/files/{ktpId}", JakartaExaminer);
        var (_, listed) = await SendAsync(app, HttpMethod.Get, evidence, routed.ProviderToken);
        var (download, _, _) = await DownloadAsync(app, $"{evidence}/lampiran-1", routed.ProviderToken);
        var (_, staffCase) = await AsStaffAsync(app, HttpMethod.Get, $"/api/staff/cases/{routed.CaseId}", JakartaExaminer);
        var tracked = await TrackAsync(app, routed.Filed.Token);
        var (_, complainantList) = await SendAsync(app, HttpMethod.Get, evidence, routed.Filed.Token);

        Assert.Equal(HttpStatusCode.OK, shared);
        Assert.Equal(HttpStatusCode.NoContent, unshared);
        Assert.Equal(0, listed.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, download);
        var decisions = staffCase.GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("what").GetString()!.Contains(ktpId, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, e => Assert.Equal("staff", e.GetProperty("visibility").GetString()));
        Assert.All(decisions, e => Assert.Equal("198702-02", e.GetProperty("actor").GetProperty("id").GetString()));
        Assert.StartsWith("Shared file", decisions[0].GetProperty("what").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Stopped sharing", decisions[1].GetProperty("what").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ktpId, tracked.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(IdentityCard, Assert.Single(complainantList.EnumerateArray()).GetProperty("originalName").GetString());
    }

    [Fact]
    public async Task Only_staff_of_the_cases_office_with_a_provider_link_role_share_and_never_the_providers_own_document()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCase.FileAsync(app, Filing(confidential: true));
        var (_, complainantFile) = await UploadAsync(app, routed.CaseId, routed.Filed.Token, IdentityCard, Files.Pdf());
        var (_, providerFile) = await UploadAsync(app, routed.CaseId, routed.ProviderToken, "tanggapan.pdf", Files.Pdf());
        var share = $"/api/staff/cases/{routed.CaseId}/disclosure/files/";

        var (foreign, foreignProblem) = await AsStaffAsync(app, HttpMethod.Post, share + complainantFile.GetProperty("evidenceId").GetString(), BandungHead);
        var (adjudicator, roleProblem) = await AsStaffAsync(app, HttpMethod.Post, share + complainantFile.GetProperty("evidenceId").GetString(), JakartaAdjudicator);
        var (own, ownProblem) = await AsStaffAsync(app, HttpMethod.Post, share + providerFile.GetProperty("evidenceId").GetString(), JakartaExaminer);
        var (unknown, unknownProblem) = await AsStaffAsync(app, HttpMethod.Post, share + "c-0123456789abcdef0123456789abcdef", JakartaExaminer);
        var (_, listed) = await SendAsync(app, HttpMethod.Get, $"/api/cases/{routed.CaseId}/evidence", routed.ProviderToken);

        Assert.Equal((HttpStatusCode.NotFound, "case-not-found"), (foreign, foreignProblem.GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.Forbidden, "role-not-allowed"), (adjudicator, roleProblem.GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.Conflict, "evidence-not-shareable"), (own, ownProblem.GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "evidence-not-found"), (unknown, unknownProblem.GetProperty("code").GetString()));
        Assert.Equal("tanggapan.pdf", Assert.Single(listed.EnumerateArray()).GetProperty("fileName").GetString());
    }
}
