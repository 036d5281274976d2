using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.Staff;

/// <summary>The real app with a recording notifier, cases filed in it, and requests sent as a given staff member.</summary>
internal sealed class StaffApp : IAsyncDisposable
{
    public static readonly RegionalOffice Jakarta = new() { Code = "JKT", Name = "Perwakilan Jakarta Raya", TimeZoneCode = "WIB" };
    public static readonly RegionalOffice Bandung = new() { Code = "BDG", Name = "Perwakilan Jawa Barat", TimeZoneCode = "WIB" };

    /// <summary>X-Dev-Staff values: {id};{office};{roles};{name}.</summary>
    public const string JakartaIntake = "198701-01;JKT;intake-officer;Dewi Lestari";
    public const string JakartaExaminer = "198702-02;JKT;examiner;Agus Salim";
    public const string JakartaHead = "198703-03;JKT;head-of-office;Rina Wati";
    public const string BandungHead = "199001-04;BDG;head-of-office;Yusuf Hadi";

    private StaffApp(TestApp app) => App = app;

    public TestApp App { get; }

    public static async Task<StaffApp> StartAsync(AzuriteFixture azurite, IEnumerable<string>? settings = null) =>
        new(await TestApp.StartAsync(azurite, settings, configureServices: s => s.AddSingleton<ICaseNotifier>(new RecordingCaseNotifier())));

    /// <summary>Files a complaint (to the provider unless <paramref name="path"/> says otherwise) at <paramref name="office"/> and waits until staff must check the file (P5 running).</summary>
    public async Task<string> FileCaseAsync(RegionalOffice office, string staff, ComplaintPath path = ComplaintPath.Provider)
    {
        var caseId = "case-" + Guid.NewGuid().ToString("N")[..12];
        var today = DateOnly.FromDateTime(App.Service<TimeProvider>().GetUtcNow().UtcDateTime);
        await App.Service<CaseCommands>().FileAsync(caseId, new Complaint
        {
            Path = path,
            Office = office,
            Complainant = new Complainant { Name = "Siti Rahayu", Email = "siti@example.test" },
            Provider = new Provider { Name = "Kantor Pertanahan Kota Bekasi", Kind = ProviderKind.GovernmentUnit },
            Description = "Land certificate not issued within the service standard.",
            RemedyAsked = "Issue the certificate.",
            ServiceReceivedOn = path == ComplaintPath.Provider ? today.AddDays(-3) : null,
            EventOn = path == ComplaintPath.Ombudsman ? today.AddDays(-60) : null,
            PriorComplaint = path == ComplaintPath.Ombudsman ? new PriorComplaint { FiledOn = today.AddDays(-40), Outcome = "No answer." } : null,
        });
        await CaseAsync(caseId, staff, c => c.GetProperty("stage").GetString() == "completenessCheck" && c.GetProperty("openDeadlines").GetArrayLength() > 0);
        return caseId;
    }

    /// <summary>Waits (bounded) until the case, as <paramref name="staff"/> sees it, is in <paramref name="stage"/>.</summary>
    public Task<JsonElement> StageAsync(string caseId, string staff, string stage) =>
        CaseAsync(caseId, staff, c => c.GetProperty("stage").GetString() == stage);

    /// <summary>Waits (bounded) until the case, as <paramref name="staff"/> sees it, satisfies <paramref name="done"/>.</summary>
    public Task<JsonElement> CaseAsync(string caseId, string staff, Func<JsonElement, bool> done) =>
        Polling.UntilAsync(
            async () =>
            {
                // Until the workflow publishes its first status the case is not visible yet (404).
                using var response = await SendAsync(HttpMethod.Get, $"/api/staff/cases/{caseId}", staff);
                return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : default;
            },
            c => c.ValueKind == JsonValueKind.Object && done(c));

    public async Task<JsonElement> GetJsonAsync(string path, string? staff, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendAsync(HttpMethod.Get, path, staff);
        return await ReadAsync(response, expected);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? staff, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (staff is not null)
        {
            request.Headers.Add("X-Dev-Staff", staff);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await App.Client.SendAsync(request);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
