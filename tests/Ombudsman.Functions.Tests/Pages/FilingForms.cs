using System.Net;
using System.Text.RegularExpressions;
using Ombudsman.Functions.Tests.Hosting;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>The filing page driven over HTTP as a browser without script would: cookies kept, redirects seen, the form's hidden fields repeated.</summary>
internal sealed partial class FilingForms : IDisposable
{
    public const string Start = "2026-03-02T01:00:00Z";

    private readonly HttpClientHandler _handler;

    public FilingForms(TestApp app)
    {
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        Client = new HttpClient(_handler) { BaseAddress = app.BaseAddress };
    }

    public HttpClient Client { get; }

    /// <summary>The settings of an app on a manual clock at <see cref="Start"/> (a service on 20 February is in time).</summary>
    public static string[] ManualClock => ["Clock:Mode=Manual", $"Clock:Start={Start}"];

    /// <summary>Opens the form of a path and returns its hidden fields (form token, one-time key, path).</summary>
    public async Task<Dictionary<string, string>> OpenAsync(string path = "provider")
    {
        using var response = await Client.GetAsync(new Uri($"/file?path={path}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    /// <summary>A complete, in-time complaint to the provider as the form sends it.</summary>
    public static Dictionary<string, string> Complaint() => new()
    {
        ["office"] = "JKT",
        ["complainant.name"] = "Siti Rahmawati",
        ["complainant.address"] = "Jl. Melati No. 5, Jakarta Timur",
        ["complainant.email"] = "siti@example.org",
        ["complainant.phone"] = "+62 812 0000 0000",
        ["complainant.confidential"] = "no",
        ["representative"] = "no",
        ["provider.name"] = "Dinas Kependudukan Jakarta Timur",
        ["provider.kind"] = "governmentUnit",
        ["serviceReceivedOn"] = "2026-02-20",
        ["description"] = "Pembuatan KTP-el tertunda tiga bulan tanpa alasan.",
        ["remedyAsked"] = "KTP-el diterbitkan dalam 7 hari.",
        ["compensationClaim"] = "1.500.000",
        ["filedAtPlace"] = "Jakarta",
        ["signature"] = "Siti Rahmawati",
    };

    /// <summary>A small PDF-looking file (recognised by its first bytes).</summary>
    public static byte[] Pdf => "%PDF-1.4\n% bukti antrean\n"u8.ToArray();

    public Task<HttpResponseMessage> SendAsync(IReadOnlyDictionary<string, string> hidden, IReadOnlyDictionary<string, string> fields, params (string Field, string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in hidden.Concat(fields))
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (field, name, content) in files)
        {
            form.Add(new ByteArrayContent(content), field, name);
        }

        return Client.PostAsync(new Uri("/file", UriKind.Relative), form);
    }

    /// <summary>The complainant's token the browser keeps for a case (in the case's cookie).</summary>
    public string CaseToken(string caseId) =>
        _handler.CookieContainer.GetCookies(new Uri(Client.BaseAddress!, $"/track/{caseId}"))["ombudsman-case"]?.Value ?? throw new InvalidOperationException("No case cookie.");

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
