using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Durable.Storage;
using Ombudsman.Workflows.Durable.Storage.Azure;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>The case scenarios end to end on Azure Storage (tables, queues, blobs) through Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureCaseScenarioTests(AzuriteFixture azurite) : CaseScenarioTests
{
    private protected override Task<DurableStorage> CreateStorageAsync(FakeTimeProvider clock) =>
        AzureDurableStorage.CreateAsync(azurite.ConnectionString, AzureStorageNames.WithPrefix("c" + Guid.NewGuid().ToString("N")[..12]), counter: null, CancellationToken.None);
}
