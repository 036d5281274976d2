using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Testing;
using static Ombudsman.Functions.Tests.Staff.StaffApp;

namespace Ombudsman.Functions.Tests.Staff;

/// <summary>
/// Outside Development (no development evidence access), staff of the case's office read the case's files and upload
/// on its behalf as staff; staff of another office, and callers with neither token nor staff identity, get 404.
/// The development staff header stands in for App Service authentication (Development, where it is on by default), and
/// Evidence:DevelopmentAccess=false turns the development evidence access off as in a deployment (which refuses to
/// start with either development setting on).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaffEvidenceAccessTests(AzuriteFixture azurite)
{
    private static readonly string[] Production = ["Evidence:DevelopmentAccess=false"];

    [Fact]
    public async Task Staff_of_the_cases_office_upload_as_staff_and_read_the_files_outside_development()
    {
        await using var app = await StaffApp.StartAsync(azurite, Production);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);
        var pdf = Files.Pdf();

        using var upload = await UploadAsync(app, caseId, JakartaExaminer, "berita-acara-01", pdf);
        var record = await ReadAsync(upload, HttpStatusCode.Created);
        var id = record.GetProperty("evidenceId").GetString()!;
        var list = await app.GetJsonAsync($"/api/cases/{caseId}/evidence", JakartaIntake);
        using var download = await app.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/evidence/{id}", JakartaHead);
        var bytes = await download.Content.ReadAsByteArrayAsync();

        Assert.Equal("staff", record.GetProperty("party").GetString());
        Assert.False(record.GetProperty("late").GetBoolean());
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, listed.GetProperty("evidenceId").GetString());
        Assert.StartsWith("s-", id, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, bytes);
    }

    [Fact]
    public async Task Staff_of_another_office_and_callers_without_token_or_staff_identity_get_404_outside_development()
    {
        await using var app = await StaffApp.StartAsync(azurite, Production);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);
        using var stored = await UploadAsync(app, caseId, JakartaIntake, "formulir-01", Files.Pdf());
        var id = (await ReadAsync(stored, HttpStatusCode.Created)).GetProperty("evidenceId").GetString();

        var foreignList = await app.GetJsonAsync($"/api/cases/{caseId}/evidence", BandungHead, HttpStatusCode.NotFound);
        using var foreignDownload = await app.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/evidence/{id}", BandungHead);
        using var foreignUpload = await UploadAsync(app, caseId, BandungHead, "bukan-kami-01", Files.Pdf());
        using var anonymousList = await app.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/evidence", staff: null);
        using var devParty = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{caseId}/evidence", UriKind.Relative));
        devParty.Headers.Add("X-Dev-Party", "staff");
        using var devPartyList = await app.App.Client.SendAsync(devParty);
        var list = await app.GetJsonAsync($"/api/cases/{caseId}/evidence", JakartaExaminer);

        Assert.Equal("case-not-found", foreignList.GetProperty("code").GetString());
        Assert.Equal("case-not-found", (await ReadAsync(foreignDownload, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("case-not-found", (await ReadAsync(foreignUpload, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, anonymousList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, devPartyList.StatusCode);
        Assert.Equal([id], list.EnumerateArray().Select(e => e.GetProperty("evidenceId").GetString()));
    }

    [Fact]
    public async Task A_missing_case_is_404_for_staff_too()
    {
        await using var app = await StaffApp.StartAsync(azurite, Production);

        var problem = await app.GetJsonAsync("/api/cases/case-that-does-not-exist/evidence", JakartaHead, HttpStatusCode.NotFound);

        Assert.Equal("case-not-found", problem.GetProperty("code").GetString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(StaffApp app, string caseId, string staff, string uploadKey, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/cases/{caseId}/evidence?uploadKey={uploadKey}", UriKind.Relative));
        request.Headers.Add("X-Dev-Staff", staff);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content = new MultipartFormDataContent { { file, "file", "berkas.pdf" } };
        return await app.App.Client.SendAsync(request);
    }
}
