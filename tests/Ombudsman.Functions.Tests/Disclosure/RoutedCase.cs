using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Disclosure;

/// <summary>A complaint filed through the API (Jakarta office), made complete by staff, and its provider link issued over the staff API.</summary>
internal sealed record RoutedCase(Filed Filed, string ProviderToken)
{
    /// <summary>X-Dev-Staff values: {id};{office};{roles};{name}.</summary>
    public const string JakartaExaminer = "198702-02;JKT;examiner;Agus Salim";
    public const string JakartaAdjudicator = "198704-04;JKT;adjudicator;Hendra Gunawan";
    public const string BandungHead = "199001-04;BDG;head-of-office;Yusuf Hadi";

    public string CaseId => Filed.CaseId;

    public static async Task<RoutedCase> FileAsync(TestApp app, JsonObject filing)
    {
        var filed = await PublicApi.FileAsync(app, filing);
        await UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await StaffAsync(app, filed.CaseId, CaseEvents.FileComplete);
        await UntilDeadlineAsync(app, filed.Token, "P8");
        var (status, link) = await AsStaffAsync(app, HttpMethod.Post, $"/api/staff/cases/{filed.CaseId}/provider-link", JakartaExaminer);
        Assert.True(status == HttpStatusCode.Created, $"provider link: {(int)status} {link}");
        return new RoutedCase(filed, link.GetProperty("token").GetString()!);
    }

    /// <summary>A request as a staff member (the development staff scheme stands in for App Service authentication).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> AsStaffAsync(TestApp app, HttpMethod method, string path, string staff, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Dev-Staff", staff);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await app.Client.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Sends with the token and returns the whole response (headers and bytes matter for downloads).</summary>
    public static async Task<(HttpStatusCode Status, string? ContentDisposition, byte[] Bytes)> DownloadAsync(TestApp app, string path, string token)
    {
        using var request = Request(HttpMethod.Get, path, token);
        using var response = await app.Client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentDisposition?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Uploads with the token and an optional upload key (in <paramref name="keyParameter"/>); returns status and body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(
        TestApp app, string caseId, string token, string fileName, byte[] content, string? uploadKey = null, string keyParameter = "uploadKey")
    {
        using var file = new ByteArrayContent(content);
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        using var request = Request(HttpMethod.Post, $"/api/cases/{caseId}/evidence{(uploadKey is null ? "" : $"?{keyParameter}={uploadKey}")}", token);
        request.Content = form;
        using var response = await app.Client.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response));
    }
}
