using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Durable.Storage;
using Ombudsman.Workflows.Durable.Storage.InMemory;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>The case scenarios on the in-memory store.</summary>
public sealed class InMemoryCaseScenarioTests : CaseScenarioTests
{
    private protected override Task<DurableStorage> CreateStorageAsync(FakeTimeProvider clock) => Task.FromResult(InMemoryDurableStorage.Create(clock));
}
