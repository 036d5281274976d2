using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Benchmarks;

/// <summary>
/// The function app as the benchmarks run it: on Kestrel (loopback, a free port), in Development, on tables, a task
/// hub, containers and a mail folder of its own in the emulator (named by <c>prefix</c>, so runs never see each other's
/// data), logging warnings only; started for the measurement and stopped after it whatever happened.
/// </summary>
internal static class BenchmarkApp
{
    public static async Task<T> RunAsync<T>(
        AzuriteFixture azurite, string prefix, IEnumerable<string> settings, Func<Uri, Task<T>> measure, Action<IServiceCollection>? configureServices = null)
    {
        var app = FunctionAppHost.Build(
            [
                "--environment=Development",
                $"--ConnectionStrings:Storage={azurite.ConnectionString}",
                $"--StorageNames:CasesTable={prefix}Cases",
                $"--StorageNames:TimelineTable={prefix}Timeline",
                $"--StorageNames:OpenDeadlinesTable={prefix}Deadlines",
                $"--DurableTask:HubName={prefix}",
                $"--StorageNames:EvidenceContainer={prefix}-evidence",
                $"--StorageNames:ProviderDocumentsContainer={prefix}-provider-documents",
                $"--StorageNames:AccessTokensTable={prefix}AccessTokens",
                $"--StorageNames:IdempotencyKeysTable={prefix}IdempotencyKeys",
                $"--StorageNames:DisclosuresTable={prefix}Disclosures",
                $"--StorageNames:AssignmentsTable={prefix}Assignments",
                $"--StorageNames:StaffDirectoryTable={prefix}StaffDirectory",
                $"--StorageNames:ProviderAllowanceTable={prefix}ProviderAllowance",
                $"--StorageNames:CalendarsTable={prefix}Calendars",
                $"--Email:PickupDirectory={Path.Combine(Path.GetTempPath(), prefix + "-mail")}",
                $"--Email:SendRecordsTable={prefix}emailsends",
                "--urls=http://127.0.0.1:0",
                "--Logging:LogLevel:Default=Warning",
                .. settings,
            ],
            configureServices: configureServices);
        await app.StartAsync();
        try
        {
            return await measure(new Uri(app.Urls.First()));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
