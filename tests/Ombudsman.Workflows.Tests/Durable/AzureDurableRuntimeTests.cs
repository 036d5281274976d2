using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Storage;
using Ombudsman.Workflows.Durable.Storage.Azure;

namespace Ombudsman.Workflows.Tests.Durable;

/// <summary>The runtime contract on Azure Storage (tables, queues, blobs) through Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureDurableRuntimeTests(AzuriteFixture azurite) : DurableRuntimeContractTests
{
    private protected override IDurableStorageFactory Factory { get; } = new AzureFactory(azurite);

    [Fact]
    public async Task A_step_keeps_state_history_and_timer_rows_in_the_instances_own_partition_and_its_deadline_in_the_index()
    {
        var names = AzureStorageNames.WithPrefix("l" + Guid.NewGuid().ToString("N")[..12]);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero));
        var storage = await AzureDurableStorage.CreateAsync(azurite.ConnectionString, names, counter: null, CancellationToken.None);
        var due = clock.GetUtcNow().AddDays(14);
        await using var host = new DurableTestHost(storage, clock, r => r.AddOrchestration<string, string>("Case", "1", async (ctx, _) =>
        {
            ctx.SetIndexField("office", "JKT");
            await ctx.CreateTimer(due, new DeadlineInfo { Kind = "completeness-answer", Citation = "UU 25/2009 art. 45(1)", RuleId = "P5" }).Task;
            return "answered";
        }));

        await host.Client.StartAsync("Case", instanceId: "case-7");
        await host.RunAsync();

        var instances = new TableClient(azurite.ConnectionString, names.InstancesTable);
        var rows = instances.Query<TableEntity>().ToList();
        Assert.All(rows, r => Assert.Equal("case-7", r.PartitionKey));
        var keys = rows.Select(r => r.RowKey).ToList();
        Assert.Contains("state", keys);
        Assert.Contains(keys, k => k.StartsWith("h|", StringComparison.Ordinal));
        Assert.Single(keys, k => k.StartsWith("t|", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.StartsWith("o|", StringComparison.Ordinal)); // sent and deleted after commit

        var deadline = Assert.Single(new TableClient(azurite.ConnectionString, names.DeadlinesTable).Query<TableEntity>().ToList());
        Assert.Equal(("20260330", "case-7", "JKT", true), (deadline.PartitionKey, deadline.GetString("InstanceId"), deadline.GetString("ix_office"), deadline.GetBoolean("IsDeadline")));
    }

    private sealed class AzureFactory(AzuriteFixture azurite) : IDurableStorageFactory
    {
        private readonly Dictionary<DurableStorage, AzureStorageNames> _names = [];

        async Task<DurableStorage> IDurableStorageFactory.CreateAsync(FakeTimeProvider clock)
        {
            // Each test gets its own tables, queues and container on the shared emulator.
            var names = AzureStorageNames.WithPrefix("t" + Guid.NewGuid().ToString("N")[..12]);
            var storage = await AzureDurableStorage.CreateAsync(azurite.ConnectionString, names, counter: null, CancellationToken.None);
            lock (_names)
            {
                _names[storage] = names;
            }

            return storage;
        }

        async Task<int> IDurableStorageFactory.CountPayloadsAsync(DurableStorage storage)
        {
            AzureStorageNames names;
            lock (_names)
            {
                names = _names[storage];
            }

            var container = new BlobContainerClient(azurite.ConnectionString, names.PayloadsContainer);
            var count = 0;
            await foreach (var _ in container.GetBlobsAsync())
            {
                count++;
            }

            return count;
        }
    }
}
