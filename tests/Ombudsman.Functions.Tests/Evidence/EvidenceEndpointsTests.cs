using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Evidence;

/// <summary>Evidence upload and download over real HTTP, into Blob Storage on Azurite (UU 25/2009 art. 43: evidence attached to a complaint).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvidenceEndpointsTests(AzuriteFixture azurite)
{
    private const string CaseId = "case-2026-0001";

    [Fact]
    public async Task An_uploaded_pdf_is_stored_with_its_hash_size_and_type_and_streams_back_unchanged()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var pdf = Files.Pdf(5000);

        using var response = await app.Client.PostAsync(EvidenceUri(), Multipart(pdf, "Bukti pembayaran (Mei).pdf"));
        var record = await ReadJsonAsync(response, HttpStatusCode.Created);
        var id = record.GetProperty("evidenceId").GetString()!;
        using var download = await app.Client.GetAsync(EvidenceUri(id));
        var downloaded = await download.Content.ReadAsByteArrayAsync();

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), record.GetProperty("sha256").GetString());
        Assert.Equal(pdf.Length, record.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", record.GetProperty("contentType").GetString());
        Assert.Equal("Bukti pembayaran (Mei).pdf", record.GetProperty("originalName").GetString());
        Assert.Equal("Bukti pembayaran _Mei_.pdf", record.GetProperty("fileName").GetString());
        Assert.Equal("complainant", record.GetProperty("party").GetString(), ignoreCase: true);
        Assert.Equal($"/api/cases/{CaseId}/evidence/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, downloaded);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(pdf))}:", download.Headers.GetValues("Repr-Digest").Single());
    }

    [Fact]
    public async Task A_raw_body_upload_works_and_a_short_lived_read_only_link_serves_the_file()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var png = Files.Png();

        using var content = new ByteArrayContent(png);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var upload = await app.Client.PostAsync(EvidenceUri(query: "?fileName=foto.png"), content);
        var id = (await ReadJsonAsync(upload, HttpStatusCode.Created)).GetProperty("evidenceId").GetString()!;
        using var linkResponse = await app.Client.GetAsync(EvidenceUri(id + "/link"));
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
        await using var app = await TestApp.StartAsync(azurite);

        using var response = await app.Client.PostAsync(EvidenceUri(), Multipart(Files.Png(), "surat.pdf"));
        var problem = await ReadJsonAsync(response, HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("evidence-type-not-allowed", problem.GetProperty("code").GetString());
        Assert.Equal("file", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Empty(await AllBlobsAsync(app));
    }

    [Fact]
    public async Task A_zip_that_is_not_a_word_document_is_refused_but_a_docx_is_accepted()
    {
        await using var app = await TestApp.StartAsync(azurite);

        using var zip = await app.Client.PostAsync(EvidenceUri(), Multipart(Files.Zip(("a.txt", "x")), "archive.zip"));
        using var docx = await app.Client.PostAsync(EvidenceUri(), Multipart(Files.Docx(), "tanggapan.docx"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, zip.StatusCode);
        Assert.Equal(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (await ReadJsonAsync(docx, HttpStatusCode.Created)).GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413_and_leaves_no_blob()
    {
        // Blocks of 8 KiB, so the refused upload has staged blocks before it crosses the limit: none may become visible.
        await using var app = await TestApp.StartAsync(azurite, ["Evidence:MaxBytes=20000", "Evidence:BlockBytes=8192"]);

        using var tooLarge = await app.Client.PostAsync(EvidenceUri(query: "?evidenceId=too-large-1"), Multipart(Files.Pdf(30_000), "besar.pdf"));
        var problem = await ReadJsonAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge);
        using var exactly = await app.Client.PostAsync(EvidenceUri(), Multipart(Files.Pdf(20_000 - Files.Pdf(0).Length), "pas.pdf"));

        Assert.Equal("evidence-too-large", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, exactly.StatusCode);
        Assert.DoesNotContain(await AllBlobsAsync(app), name => name.EndsWith(EvidenceIds.ForUploadKey(CaseId, EvidenceParty.Complainant, "too-large-1"), StringComparison.Ordinal));
        Assert.Single(await AllBlobsAsync(app));
    }

    [Fact]
    public async Task A_second_upload_under_the_same_upload_key_is_refused_and_the_first_file_stays_unchanged()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var first = Files.Pdf(100);

        using var created = await app.Client.PostAsync(EvidenceUri(query: "?uploadKey=surat-kuasa-01"), Multipart(first, "kuasa.pdf"));
        var id = (await ReadJsonAsync(created, HttpStatusCode.Created)).GetProperty("evidenceId").GetString()!;
        using var again = await app.Client.PostAsync(EvidenceUri(query: "?uploadKey=surat-kuasa-01"), Multipart(Files.Pdf(300), "kuasa-baru.pdf"));
        var problem = await ReadJsonAsync(again, HttpStatusCode.Conflict);
        var stored = await app.Client.GetByteArrayAsync(EvidenceUri(id));
        using var list = await app.Client.GetAsync(EvidenceUri());

        Assert.Equal("evidence-already-exists", problem.GetProperty("code").GetString());
        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("surat-kuasa", id, StringComparison.Ordinal);
        Assert.Equal(first, stored);
        Assert.Single((await ReadJsonAsync(list, HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task The_store_refuses_a_commit_over_an_existing_blob_even_when_the_early_check_is_passed()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var store = app.Service<EvidenceStore>();
        var blob = app.Container(app.EvidenceNames.EvidenceContainer)
            .GetBlobClient(EvidenceStore.BlobName(CaseId, EvidenceIds.ForUploadKey(CaseId, EvidenceParty.Complainant, "raced-upload")));

        // Another writer wins the race between the existence check and the commit: the conditional commit still refuses.
        await blob.UploadAsync(new BinaryData(Files.Pdf(10)));
        var error = await Assert.ThrowsAsync<Workflows.Errors.DomainException>(() => store.UploadAsync(
            new EvidenceUpload { CaseId = CaseId, UploadKey = "raced-upload", Party = EvidenceParty.Complainant, FileName = "a.pdf", Content = new MemoryStream(Files.Pdf(20)) },
            CancellationToken.None));

        Assert.Equal("evidence-already-exists", error.Code);
        Assert.Equal(Files.Pdf(10), (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task A_20_MiB_file_is_streamed_through_to_storage_and_its_hash_matches()
    {
        await using var app = await TestApp.StartAsync(azurite);
        const long size = 20L * 1024 * 1024;
        using var expected = SHA256.Create();
        var expectedHash = Convert.ToHexStringLower(await expected.ComputeHashAsync(new GeneratedPdfStream(size)));

        using var content = new StreamContent(new GeneratedPdfStream(size), 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await app.Client.PostAsync(EvidenceUri(query: "?fileName=rekaman-sidang.pdf"), content);
        var record = await ReadJsonAsync(response, HttpStatusCode.Created);
        var blob = app.Container(app.EvidenceNames.EvidenceContainer).GetBlobClient($"{CaseId}/{record.GetProperty("evidenceId").GetString()}");
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
        await using var app = await TestApp.StartAsync(azurite);

        using var fromComplainant = await app.Client.PostAsync(EvidenceUri(), Multipart(Files.Pdf(), "keluhan.pdf"));
        using var request = new HttpRequestMessage(HttpMethod.Post, EvidenceUri()) { Content = Multipart(Files.Jpeg(), "tanggapan.jpg") };
        request.Headers.Add("X-Dev-Party", "provider");
        using var fromProvider = await app.Client.SendAsync(request);
        using var list = await app.Client.GetAsync(EvidenceUri());
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
        await using var app = await TestApp.StartAsync(azurite);

        using var response = await app.Client.GetAsync(EvidenceUri("c-0123456789abcdef0123456789abcdef"));
        var problem = await ReadJsonAsync(response, HttpStatusCode.NotFound);

        Assert.Equal("evidence-not-found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Outside_development_no_one_may_touch_a_cases_files_until_the_case_apis_decide_who_may()
    {
        await using var app = await TestApp.StartAsync(azurite, ["environment=Production"]);

        using var upload = await app.Client.PostAsync(EvidenceUri(), Multipart(Files.Pdf(), "keluhan.pdf"));
        var problem = await ReadJsonAsync(upload, HttpStatusCode.NotFound);

        Assert.Equal("case-not-found", problem.GetProperty("code").GetString());
        Assert.Empty(await AllBlobsAsync(app));
    }

    private static Uri EvidenceUri(string? rest = null, string query = "") =>
        new($"/api/cases/{CaseId}/evidence{(rest is null ? string.Empty : "/" + rest)}{query}", UriKind.Relative);

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
