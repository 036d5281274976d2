using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Disclosure;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Evidence;

/// <summary>
/// Evidence upload and download over real HTTP, into Blob Storage on Azurite (UU 25/2009 art. 43: evidence attached to
/// a complaint), on cases filed through the API, with the complainant's tracking token (or the case's provider link).
/// The app runs on the system clock: storage checks a read-only link's expiry against its own time.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvidenceEndpointsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_uploaded_pdf_is_stored_with_its_hash_size_and_type_and_streams_back_unchanged()
    {
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        var pdf = Files.Pdf(5000);

        using var response = await PostAsync(app, filed, Multipart(pdf, "Bukti pembayaran (Mei).pdf"));
        var record = await ReadJsonAsync(response, HttpStatusCode.Created);
        var id = record.GetProperty("evidenceId").GetString()!;
        using var download = await GetAsync(app, filed, id);
        var downloaded = await download.Content.ReadAsByteArrayAsync();

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), record.GetProperty("sha256").GetString());
        Assert.Equal(pdf.Length, record.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", record.GetProperty("contentType").GetString());
        Assert.Equal("Bukti pembayaran (Mei).pdf", record.GetProperty("originalName").GetString());
        Assert.Equal("Bukti pembayaran _Mei_.pdf", record.GetProperty("fileName").GetString());
        Assert.Equal("complainant", record.GetProperty("party").GetString(), ignoreCase: true);
        Assert.Equal($"/api/cases/{filed.CaseId}/evidence/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, downloaded);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(pdf))}:", download.Headers.GetValues("Repr-Digest").Single());
    }

    [Fact]
    public async Task A_raw_body_upload_works_and_a_short_lived_read_only_link_serves_the_file()
    {
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        var png = Files.Png();

        using var content = new ByteArrayContent(png);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var upload = await PostAsync(app, filed, content, "?fileName=foto.png");
        var id = (await ReadJsonAsync(upload, HttpStatusCode.Created)).GetProperty("evidenceId").GetString()!;
        using var linkResponse = await GetAsync(app, filed, id + "/link");
        var link = await ReadJsonAsync(linkResponse, HttpStatusCode.OK);
        using var plain = new HttpClient();
        var viaLink = await plain.GetByteArrayAsync(new Uri(link.GetProperty("url").GetString()!));
        using var writeAttempt = await plain.PutAsync(new Uri(link.GetProperty("url").GetString()!), new ByteArrayContent([1, 2, 3]));

        Assert.Equal(png, viaLink);
        Assert.Contains("sp=r", link.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.InRange(link.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(11));
        Assert.False(writeAttempt.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_file_named_pdf_whose_bytes_are_a_png_is_refused_and_nothing_is_stored()
    {
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());

        using var response = await PostAsync(app, filed, Multipart(Files.Png(), "surat.pdf"));
        var problem = await ReadJsonAsync(response, HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("evidence-type-not-allowed", problem.GetProperty("code").GetString());
        Assert.Equal("file", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Empty(await AllBlobsAsync(app));
    }

    [Fact]
    public async Task A_zip_that_is_not_a_word_document_is_refused_but_a_docx_is_accepted()
    {
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());

        using var zip = await PostAsync(app, filed, Multipart(Files.Zip(("a.txt", "x")), "archive.zip"));
        using var docx = await PostAsync(app, filed, Multipart(Files.Docx(), "tanggapan.docx"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, zip.StatusCode);
        Assert.Equal(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (await ReadJsonAsync(docx, HttpStatusCode.Created)).GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413_and_leaves_no_blob()
    {
        // Blocks of 8 KiB, so the refused upload has staged blocks before it crosses the limit: none may become visible.
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite, "Evidence:MaxBytes=20000", "Evidence:BlockBytes=8192");
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());

        using var tooLarge = await PostAsync(app, filed, Multipart(Files.Pdf(30_000), "besar.pdf"), "?evidenceId=too-large-1");
        var problem = await ReadJsonAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge);
        using var exactly = await PostAsync(app, filed, Multipart(Files.Pdf(20_000 - Files.Pdf(0).Length), "pas.pdf"));

        Assert.Equal("evidence-too-large", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, exactly.StatusCode);
        Assert.DoesNotContain(await AllBlobsAsync(app), name => name.EndsWith(EvidenceIds.ForUploadKey(filed.CaseId, EvidenceParty.Complainant, "too-large-1"), StringComparison.Ordinal));
        Assert.Single(await AllBlobsAsync(app));
    }

    [Fact]
    public async Task A_second_upload_under_the_same_upload_key_is_refused_and_the_first_file_stays_unchanged()
    {
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        var first = Files.Pdf(100);

        using var created = await PostAsync(app, filed, Multipart(first, "kuasa.pdf"), "?uploadKey=surat-kuasa-01");
        var id = (await ReadJsonAsync(created, HttpStatusCode.Created)).GetProperty("evidenceId").GetString()!;
        using var again = await PostAsync(app, filed, Multipart(Files.Pdf(300), "kuasa-baru.pdf"), "?uploadKey=surat-kuasa-01");
        var problem = await ReadJsonAsync(again, HttpStatusCode.Conflict);
        using var download = await GetAsync(app, filed, id);
        var stored = await download.Content.ReadAsByteArrayAsync();
        using var list = await GetAsync(app, filed);

        Assert.Equal("evidence-already-exists", problem.GetProperty("code").GetString());
        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("surat-kuasa", id, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(first, stored);
        Assert.Single((await ReadJsonAsync(list, HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task The_store_refuses_a_commit_over_an_existing_blob_even_when_the_early_check_is_passed()
    {
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        var store = app.Service<EvidenceStore>();
        var blob = app.Container(app.EvidenceNames.EvidenceContainer)
            .GetBlobClient(EvidenceStore.BlobName(filed.CaseId, EvidenceIds.ForUploadKey(filed.CaseId, EvidenceParty.Complainant, "raced-upload")));

        // Another writer wins the race between the existence check and the commit: the conditional commit still refuses.
        await blob.UploadAsync(new BinaryData(Files.Pdf(10)));
        var error = await Assert.ThrowsAsync<Workflows.Errors.DomainException>(() => store.UploadAsync(
            new EvidenceUpload { CaseId = filed.CaseId, UploadKey = "raced-upload", Party = EvidenceParty.Complainant, FileName = "a.pdf", Content = new MemoryStream(Files.Pdf(20)) },
            CancellationToken.None));

        Assert.Equal("evidence-already-exists", error.Code);
        Assert.Equal(Files.Pdf(10), (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task A_20_MiB_file_is_streamed_through_to_storage_and_its_hash_matches()
    {
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        const long size = 20L * 1024 * 1024;
        using var expected = SHA256.Create();
        var expectedHash = Convert.ToHexStringLower(await expected.ComputeHashAsync(new GeneratedPdfStream(size)));

        using var content = new StreamContent(new GeneratedPdfStream(size), 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await PostAsync(app, filed, content, "?fileName=rekaman-sidang.pdf");
        var record = await ReadJsonAsync(response, HttpStatusCode.Created);
        var blob = app.Container(app.EvidenceNames.EvidenceContainer).GetBlobClient($"{filed.CaseId}/{record.GetProperty("evidenceId").GetString()}");
        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.Equal(size, record.GetProperty("size").GetInt64());
        Assert.Equal(expectedHash, record.GetProperty("sha256").GetString());
        Assert.Equal(size, properties.ContentLength);
        Assert.Equal(expectedHash, properties.Metadata["sha256"]);
        Assert.True((await app.Container(app.EvidenceNames.EvidenceContainer).GetBlockBlobClient(blob.Name).GetBlockListAsync()).Value.CommittedBlocks.Count() > 1, "uploaded as several staged blocks");
    }

    [Fact]
    public async Task Provider_documents_go_to_their_own_container_and_the_case_lists_every_file()
    {
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite);
        var routed = await RoutedCase.FileAsync(app, PublicApi.FilingToday());

        using var fromComplainant = await PostAsync(app, routed.Filed, Multipart(Files.Pdf(), "keluhan.pdf"));
        using var fromProvider = await SendAsync(app, HttpMethod.Post, EvidenceUri(routed.CaseId), routed.ProviderToken, Multipart(Files.Jpeg(), "tanggapan.jpg"));
        using var list = await GetAsync(app, routed.Filed);
        var files = (await ReadJsonAsync(list, HttpStatusCode.OK)).EnumerateArray().ToList();
        var providerBlobs = app.Container(app.EvidenceNames.ProviderDocumentsContainer).GetBlobsAsync();

        Assert.Equal(HttpStatusCode.Created, fromComplainant.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromProvider.StatusCode);
        Assert.Equal(["keluhan.pdf", "tanggapan.jpg"], files.Select(f => f.GetProperty("fileName").GetString()).Order());
        Assert.Single(await providerBlobs.CollectAsync());
    }

    [Fact]
    public async Task An_unknown_file_is_404_with_a_code()
    {
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());

        using var response = await GetAsync(app, filed, "c-0123456789abcdef0123456789abcdef");
        var problem = await ReadJsonAsync(response, HttpStatusCode.NotFound);

        Assert.Equal("evidence-not-found", problem.GetProperty("code").GetString());
    }

    /// <summary>
    /// The development access bypass itself, the only test that uses it: in Development a request without a token acts
    /// as the complainant on a filed case; outside Development, or with Evidence:DevelopmentAccess=false, such a request
    /// is refused like a missing case and stores nothing, while the case's own token still opens it.
    /// </summary>
    [Fact]
    public async Task Development_access_lets_a_request_without_a_token_act_as_the_complainant_only_in_development_and_only_while_it_is_on()
    {
        var pdf = Files.Pdf(42);
        await using (var app = await PublicApi.StartOnSystemClockAsync(azurite))
        {
            var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());

            using var upload = await app.Client.PostAsync(EvidenceUri(filed.CaseId), Multipart(pdf, "tanpa-token.pdf"));
            var record = await ReadJsonAsync(upload, HttpStatusCode.Created);
            var id = record.GetProperty("evidenceId").GetString()!;
            using var download = await app.Client.GetAsync(EvidenceUri(filed.CaseId, id));
            using var listedWithToken = await GetAsync(app, filed);

            Assert.Equal("complainant", record.GetProperty("party").GetString(), ignoreCase: true);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal([id], (await ReadJsonAsync(listedWithToken, HttpStatusCode.OK)).EnumerateArray().Select(f => f.GetProperty("evidenceId").GetString()));
        }

        await RefusedWithoutTokenAsync("environment=Production");
        await RefusedWithoutTokenAsync("Evidence:DevelopmentAccess=false");

        async Task RefusedWithoutTokenAsync(string setting)
        {
            await using var app = await PublicApi.StartOnSystemClockAsync(azurite, setting);
            var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());

            using var upload = await app.Client.PostAsync(EvidenceUri(filed.CaseId), Multipart(pdf, "tanpa-token.pdf"));
            var problem = await ReadJsonAsync(upload, HttpStatusCode.NotFound);
            using var list = await app.Client.GetAsync(EvidenceUri(filed.CaseId));
            var stored = await AllBlobsAsync(app);
            using var listedWithToken = await GetAsync(app, filed);

            Assert.Equal("case-not-found", problem.GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
            Assert.Empty(stored);
            Assert.Empty((await ReadJsonAsync(listedWithToken, HttpStatusCode.OK)).EnumerateArray());
        }
    }

    private static Uri EvidenceUri(string caseId, string? rest = null, string query = "") =>
        new($"/api/cases/{caseId}/evidence{(rest is null ? string.Empty : "/" + rest)}{query}", UriKind.Relative);

    /// <summary>Uploads to the filed case's evidence as its complainant (the tracking token).</summary>
    private static Task<HttpResponseMessage> PostAsync(TestApp app, Filed filed, HttpContent content, string query = "") =>
        SendAsync(app, HttpMethod.Post, EvidenceUri(filed.CaseId, query: query), filed.Token, content);

    /// <summary>Lists the filed case's evidence, or GETs one file (or its link) below it, as its complainant.</summary>
    private static Task<HttpResponseMessage> GetAsync(TestApp app, Filed filed, string? rest = null) =>
        SendAsync(app, HttpMethod.Get, EvidenceUri(filed.CaseId, rest), filed.Token);

    private static async Task<HttpResponseMessage> SendAsync(TestApp app, HttpMethod method, Uri uri, string token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.Client.SendAsync(request);
    }

    private static MultipartFormDataContent Multipart(byte[] file, string name)
    {
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { new StringContent("kronologi"), "description" }, { part, "file", name } };
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Every blob anyone can read (committed), in both evidence containers.</summary>
    private static async Task<List<string>> AllBlobsAsync(TestApp app)
    {
        var names = new List<string>();
        foreach (var container in new[] { app.EvidenceNames.EvidenceContainer, app.EvidenceNames.ProviderDocumentsContainer })
        {
            await foreach (var item in app.Container(container).GetBlobsAsync())
            {
                names.Add(item.Name);
            }
        }

        return names;
    }
}
