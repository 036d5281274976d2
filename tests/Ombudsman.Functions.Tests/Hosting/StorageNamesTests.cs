using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Assignment;
using Ombudsman.Functions.Calendar;
using Ombudsman.Functions.Disclosure;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Idempotency;
using Ombudsman.Functions.ProviderLimits;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>infra/bicep and the app agree on the storage names the app itself owns.</summary>
public sealed partial class StorageNamesTests
{
    [GeneratedRegex(@"name: 'StorageNames__(\w+)'")]
    private static partial Regex BicepStorageNameSetting();

    [Fact]
    public void The_app_default_names_are_the_ones_bicep_creates()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "bicep", "modules", "names.bicep"));
        var evidence = new EvidenceStorageNames();

        Assert.Contains($"evidence: '{evidence.EvidenceContainer}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"providerDocuments: '{evidence.ProviderDocumentsContainer}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"accessTokens: '{new AccessTokenStoreOptions().TableName}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"disclosures: '{new DisclosureStoreOptions().TableName}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"providerAllowance: '{new ProviderAllowanceTable().Name}'", bicep, StringComparison.Ordinal);
        var readModel = new CaseReadModelNames();
        Assert.Contains($"cases: '{readModel.CasesTable}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"timeline: '{readModel.TimelineTable}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"openDeadlines: '{readModel.OpenDeadlinesTable}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"idempotencyKeys: '{new IdempotencyOptions().TableName}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"calendars: '{new PublishedCalendarOptions().TableName}'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_StorageNames_setting_bicep_writes_is_bound_by_the_app()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "bicep", "main.bicep"));
        var settings = BicepStorageNameSetting().Matches(bicep).Select(m => m.Groups[1].Value).ToList();
        var root = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>("StorageNames:" + s, "x" + s.ToLowerInvariant())))
            .Build();
        var configuration = root.GetSection("StorageNames");

        var readModel = configuration.Get<CaseReadModelNames>()!;
        var evidence = configuration.Get<EvidenceStorageNames>()!;
        var bound = typeof(CaseReadModelNames).GetProperties().Select(p => (p.Name, Value: p.GetValue(readModel)))
            .Concat(typeof(EvidenceStorageNames).GetProperties().Select(p => (p.Name, Value: p.GetValue(evidence))))
            .ToDictionary(p => p.Name, p => p.Value as string);
        bound["AccessTokensTable"] = AccessServiceCollectionExtensions.TokenStoreOptions(root).TableName;
        bound["IdempotencyKeysTable"] = IdempotencyServiceCollectionExtensions.OptionsOf(root).TableName;
        bound["DisclosuresTable"] = DisclosureServiceCollectionExtensions.StoreOptions(root).TableName;
        bound["AssignmentsTable"] = AssignmentServiceCollectionExtensions.StorageOptions(root).AssignmentsTable;
        bound["StaffDirectoryTable"] = AssignmentServiceCollectionExtensions.StorageOptions(root).StaffDirectoryTable;
        bound["ProviderAllowanceTable"] = ProviderAllowanceTable.From(root).Name;
        bound["CalendarsTable"] = CalendarServiceCollectionExtensions.StoreOptions(root).TableName;

        Assert.NotEmpty(settings);
        Assert.All(settings, s => Assert.Equal("x" + s.ToLowerInvariant(), bound.GetValueOrDefault(s)));
    }
}
