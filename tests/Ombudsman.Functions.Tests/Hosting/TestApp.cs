using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>
/// The real composition (<see cref="FunctionAppHost"/>) on Kestrel at a free loopback port, on the shared Azurite, with
/// storage names of its own so tests never see each other's queues, tables or blobs. Stopped on dispose.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private readonly string _prefix;
    private readonly string[] _args;

    private TestApp(WebApplication app, AzuriteFixture azurite, string prefix, string[] args)
    {
        _prefix = prefix;
        _args = args;
        _scope = app.Services.CreateAsyncScope();
        MailDirectory = MailDirectoryFor(prefix);
        App = app;
        Azurite = azurite;
        Names = NamesFor(prefix);
        EvidenceNames = new EvidenceStorageNames { EvidenceContainer = prefix + "-evidence", ProviderDocumentsContainer = prefix + "-provider-documents" };
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public AzuriteFixture Azurite { get; }

    /// <summary>This app's case read-model tables.</summary>
    public CaseReadModelNames Names { get; }

    public EvidenceStorageNames EvidenceNames { get; }

    public Uri BaseAddress { get; }

    /// <summary>The .eml pickup directory of this app (no SendGrid key in tests); deleted on dispose.</summary>
    public string MailDirectory { get; }

    /// <summary>This app's table of complainant tokens and provider links.</summary>
    public string AccessTokensTable { get; private init; } = "";

    /// <summary>This app's table of idempotency keys.</summary>
    public string IdempotencyKeysTable { get; private init; } = "";

    /// <summary>This app's table of provider allowances.</summary>
    public string ProviderAllowanceTable { get; private init; } = "";

    public HttpClient Client { get; }

    public DurableTaskClient Durable => Service<DurableTaskClient>();

    public CaseReadModel ReadModel => Service<CaseReadModel>();

    /// <summary>Starts the app with these settings (key=value) on top of the test defaults: Development, Azurite, quiet logs.</summary>
    public static async Task<TestApp> StartAsync(
        AzuriteFixture azurite, IEnumerable<string>? settings = null, Action<DurableTaskRegistry>? workflows = null, Action<IServiceCollection>? configureServices = null)
    {
        var (prefix, args) = Arguments(azurite, settings);
        return await StartAsync(azurite, prefix, args, workflows, configureServices);
    }

    /// <summary>Starts the app again with the settings and storage of one that was stopped (disposed), as a restart would.</summary>
    public static Task<TestApp> RestartAsync(TestApp stopped)
    {
        ArgumentNullException.ThrowIfNull(stopped);
        return StartAsync(stopped.Azurite, stopped._prefix, stopped._args, workflows: null, configureServices: null);
    }

    private static async Task<TestApp> StartAsync(
        AzuriteFixture azurite, string prefix, string[] args, Action<DurableTaskRegistry>? workflows, Action<IServiceCollection>? configureServices)
    {
        var app = FunctionAppHost.Build(args, workflows, configureServices);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new TestApp(app, azurite, prefix, args)
        {
            AccessTokensTable = prefix + "AccessTokens",
            IdempotencyKeysTable = prefix + "IdempotencyKeys",
            ProviderAllowanceTable = prefix + "ProviderAllowance",
        };
    }

    /// <summary>
    /// Command-line arguments for either host: these settings (key=value) on top of the test defaults (Development,
    /// Azurite, quiet logs, storage names of a fresh prefix, a free loopback port unless urls= is given).
    /// </summary>
    public static (string Prefix, string[] Args) Arguments(AzuriteFixture azurite, IEnumerable<string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var names = NamesFor(prefix);
        var given = settings?.ToList() ?? [];
        var args = new List<string>
        {
            "--environment=Development",
            $"--ConnectionStrings:Storage={azurite.ConnectionString}",
            $"--StorageNames:CasesTable={names.CasesTable}",
            $"--StorageNames:TimelineTable={names.TimelineTable}",
            $"--StorageNames:OpenDeadlinesTable={names.OpenDeadlinesTable}",
            $"--DurableTask:HubName={prefix}",
            "--DurableTask:PartitionCount=1",
            "--DurableTask:MaxQueuePollingInterval=00:00:00.100",
            $"--StorageNames:EvidenceContainer={prefix}-evidence",
            $"--StorageNames:ProviderDocumentsContainer={prefix}-provider-documents",
            $"--StorageNames:AccessTokensTable={prefix}AccessTokens",
            $"--StorageNames:IdempotencyKeysTable={prefix}IdempotencyKeys",
            $"--StorageNames:DisclosuresTable={prefix}Disclosures",
            $"--StorageNames:AssignmentsTable={prefix}Assignments",
            $"--StorageNames:StaffDirectoryTable={prefix}StaffDirectory",
            $"--StorageNames:ProviderAllowanceTable={prefix}ProviderAllowance",
            $"--StorageNames:CalendarsTable={prefix}Calendars",
            "--Logging:LogLevel:Default=" + (Environment.GetEnvironmentVariable("TEST_LOG_LEVEL") ?? "Warning"),
            "--Schedule:SweepInterval=00:00:00.200",
            $"--Email:PickupDirectory={MailDirectoryFor(prefix)}",
            $"--Email:SendRecordsTable={prefix}emailsends",
        };
        // Configured as Bicep configures them in Azure: outside Development (and in the Functions worker, whose
        // environment is Production) there are no default offices.
        if (!given.Any(s => s.StartsWith("Offices:", StringComparison.Ordinal)))
        {
            args.AddRange(DeployedOffices.Select(s => "--" + s));
        }

        if (!given.Any(s => s.StartsWith("urls=", StringComparison.Ordinal)))
        {
            args.Add("--urls=http://127.0.0.1:0");
        }

        args.AddRange(given.Select(s => "--" + s));
        return (prefix, [.. args]);
    }

    /// <summary>The offices the test apps run with (key=value): the development offices' codes and zones, test mailboxes.</summary>
    public static IReadOnlyList<string> DeployedOffices { get; } =
    [
        .. Office(0, "PST", "Ombudsman Republik Indonesia, Kantor Pusat (Jakarta)", "WIB"),
        .. Office(1, "JKT", "Ombudsman RI Perwakilan Jakarta Raya", "WIB"),
        .. Office(2, "BAL", "Ombudsman RI Perwakilan Bali", "WITA"),
        .. Office(3, "PAP", "Ombudsman RI Perwakilan Papua", "WIT"),
    ];

    /// <summary>A service of the app; scoped ones (the case commands) from one scope that lives as long as the app.</summary>
    public T Service<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public QueueClient Queue(string name) =>
        new QueueServiceClient(Azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(name);

    public BlobContainerClient Container(string name) => new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(name);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }

    private static string[] Office(int n, string id, string name, string zone) =>
    [
        $"Offices:{n}:Id={id}",
        $"Offices:{n}:Name={name}",
        $"Offices:{n}:TimeZone={zone}",
        $"Offices:{n}:StaffEmail=staf.{id.ToLowerInvariant()}@ombudsman.test",
        $"Offices:{n}:DashboardLink=https://staf.ombudsman.test/{id.ToLowerInvariant()}/tenggat",
    ];

    private static CaseReadModelNames NamesFor(string prefix) =>
        new() { CasesTable = prefix + "Cases", TimelineTable = prefix + "Timeline", OpenDeadlinesTable = prefix + "Deadlines" };

    private static string MailDirectoryFor(string prefix) => Path.Combine(Path.GetTempPath(), prefix + "-mail");
}
