using System.Net;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using static Ombudsman.Functions.Tests.Cases.PublicApi;
using static Ombudsman.Functions.Tests.Disclosure.RoutedCase;

namespace Ombudsman.Functions.Tests.Disclosure;

/// <summary>
/// Evidence ids are unique per case across parties: no upload, under any key, can make another party's id serve its
/// file, and a retried upload with the same key is stored once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvidenceIdTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_same_upload_key_from_complainant_and_provider_names_two_files_and_each_id_serves_its_own_party_s_file()
    {
        // ?evidenceId= (the key's earlier name) once chose the stored id itself, in each party's own container.
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCase.FileAsync(app, Filing(confidential: false));
        var response = Files.Pdf(111);
        var impostor = Files.Pdf(999);
        var statement = Files.Pdf(555);

        var (providerStatus, providerFile) = await UploadAsync(app, routed.CaseId, routed.ProviderToken, "tanggapan.pdf", response, uploadKey: "tanggapan-01", keyParameter: "evidenceId");
        var (complainantStatus, complainantFile) = await UploadAsync(app, routed.CaseId, routed.Filed.Token, "tanggapan.pdf", impostor, uploadKey: "tanggapan-01", keyParameter: "evidenceId");
        var (_, ownFile) = await UploadAsync(app, routed.CaseId, routed.Filed.Token, "kronologi.pdf", statement, uploadKey: "kronologi-01", keyParameter: "evidenceId");
        var (_, providerRetake) = await UploadAsync(app, routed.CaseId, routed.ProviderToken, "kronologi.pdf", impostor, uploadKey: "kronologi-01", keyParameter: "evidenceId");
        var providerId = providerFile.GetProperty("evidenceId").GetString()!;
        var complainantId = complainantFile.GetProperty("evidenceId").GetString()!;
        var ownId = ownFile.GetProperty("evidenceId").GetString()!;
        var (_, _, asComplainant) = await DownloadAsync(app, $"/api/cases/{routed.CaseId}/evidence/{providerId}", routed.Filed.Token);
        var (_, _, asProvider) = await DownloadAsync(app, $"/api/cases/{routed.CaseId}/evidence/{providerId}", routed.ProviderToken);
        var (_, _, complainantOwn) = await DownloadAsync(app, $"/api/cases/{routed.CaseId}/evidence/{ownId}", routed.Filed.Token);
        var (_, listed) = await SendAsync(app, HttpMethod.Get, $"/api/cases/{routed.CaseId}/evidence", routed.Filed.Token);

        Assert.Equal(HttpStatusCode.Created, providerStatus);
        Assert.Equal(HttpStatusCode.Created, complainantStatus);
        Assert.NotEqual(providerId, complainantId);
        Assert.NotEqual(ownId, providerRetake.GetProperty("evidenceId").GetString());
        Assert.Equal(response, asComplainant);
        Assert.Equal(response, asProvider);
        Assert.Equal(statement, complainantOwn);
        Assert.Equal(4, listed.EnumerateArray().Select(f => f.GetProperty("evidenceId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_retried_upload_with_the_same_key_is_refused_with_the_stored_files_id_and_stores_nothing_twice()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCase.FileAsync(app, Filing(confidential: false));
        var first = Files.Pdf(10);

        var (created, record) = await UploadAsync(app, routed.CaseId, routed.ProviderToken, "tanggapan.pdf", first, uploadKey: "tanggapan-01");
        var (retried, problem) = await UploadAsync(app, routed.CaseId, routed.ProviderToken, "tanggapan.pdf", Files.Pdf(20), uploadKey: "tanggapan-01");
        var (_, listed) = await SendAsync(app, HttpMethod.Get, $"/api/cases/{routed.CaseId}/evidence", routed.ProviderToken);
        var (_, _, stored) = await DownloadAsync(app, $"/api/cases/{routed.CaseId}/evidence/{record.GetProperty("evidenceId").GetString()}", routed.ProviderToken);

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal((HttpStatusCode.Conflict, "evidence-already-exists"), (retried, problem.GetProperty("code").GetString()));
        Assert.Contains(record.GetProperty("evidenceId").GetString()!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(listed.EnumerateArray());
        Assert.Equal(first, stored);
    }
}
