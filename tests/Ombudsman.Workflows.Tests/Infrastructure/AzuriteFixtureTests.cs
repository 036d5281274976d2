using Azure.Data.Tables;
using Ombudsman.Testing;

namespace Ombudsman.Workflows.Tests.Infrastructure;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Fixture_starts_an_emulator_that_stores_and_returns_a_table_entity()
    {
        var table = new TableClient(azurite.ConnectionString, "fixturecheck");
        await table.CreateIfNotExistsAsync();

        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = "stored" });
        var read = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal("stored", read.Value.GetString("Value"));
    }
}
