using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;
using Ombudsman.Workflows.Tests.Cases;

namespace Ombudsman.Workflows.Tests.Notifications.CaseEmail;

/// <summary>The case workflows on the real engine with the real email notifier, mailing to a temp pickup directory (or a fake SendGrid).</summary>
internal sealed class CaseEmailHost : IAsyncDisposable
{
    public const string TrackingBase = "https://pengaduan.ombudsman.test/lacak/";
    public const string StaffMailbox = "staf.jakarta@ombudsman.test";

    private readonly DirectoryInfo _pickup;

    private CaseEmailHost(CaseEngineHost host, DirectoryInfo pickup)
    {
        Host = host;
        _pickup = pickup;
        Commands = host.Commands;
    }

    public CaseEngineHost Host { get; }

    public CaseCommands Commands { get; }

    public ISendRecordStore SendRecords => Host.Services.GetRequiredService<ISendRecordStore>();

    public static async Task<CaseEmailHost> CreateAsync(
        AzuriteFixture azurite,
        IDictionary<string, string?>? settings = null,
        DateTimeOffset? start = null,
        Action<IServiceCollection>? services = null)
    {
        var pickup = Directory.CreateTempSubdirectory("ombudsman-case-mail-");
        var values = new Dictionary<string, string?>
        {
            ["Email:PickupDirectory"] = pickup.FullName,
            // A table of its own: case ids repeat across tests, and a shared table would say "already sent".
            ["Email:SendRecordsTable"] = "sends" + Guid.NewGuid().ToString("N")[..12],
            ["Email:TrackingBaseUrl"] = TrackingBase,
            ["Email:UploadBaseUrl"] = "https://pengaduan.ombudsman.test/unggah/",
            ["Offices:0:Id"] = "JKT",
            ["Offices:0:Name"] = "Perwakilan Jakarta Raya",
            ["Offices:0:TimeZone"] = "WIB",
            ["Offices:0:StaffEmail"] = StaffMailbox,
            ["Offices:0:DashboardLink"] = "https://staf.ombudsman.test/jkt/tenggat",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new FakeTimeProvider(start ?? CaseScenarioHost.Filing);
        var host = await CaseEngineHost.StartAsync(azurite, clock, collection =>
        {
            collection.AddStatute();
            services?.Invoke(collection);
            collection.AddSingleton(new TableServiceClient(azurite.ConnectionString));
            collection.AddCaseEmail(configuration, OfficeDirectory.FromConfiguration(configuration));
        });
        return new CaseEmailHost(host, pickup);
    }

    public Task<string> FileAsync(Complaint complaint, string caseId = "PGD-2026-000001") => Host.FileAsync(complaint, caseId);

    public Task ActAsync(string caseId, string eventName, CaseAction action) => Host.ActAsync(caseId, eventName, action);

    public async Task<CaseStatus> StatusAsync(string caseId) => (await Host.ViewAsync(caseId)).Status;

    /// <summary>The emails written to the pickup directory for one template, parsed.</summary>
    public IReadOnlyList<EmlMessage> Mail(string emailTemplateId) =>
        _pickup.GetFiles("*.eml")
            .Select(f => EmlMessage.Parse(File.ReadAllText(f.FullName)))
            .Where(m => m.Headers["X-Ombudsman-Template"] == emailTemplateId)
            .ToList();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _pickup.Delete(recursive: true);
    }
}
