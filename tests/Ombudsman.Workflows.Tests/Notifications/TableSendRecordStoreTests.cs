using Azure.Data.Tables;
using Ombudsman.Testing;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

[Collection(AzuriteCollection.Name)]
public sealed class TableSendRecordStoreTests(AzuriteFixture azurite) : SendRecordStoreContract
{
    // xunit makes a new instance per test: a table per test keeps the facts independent.
    internal override ISendRecordStore Store { get; } =
        new TableSendRecordStore(new TableClient(azurite.ConnectionString, "sendrecords" + Guid.NewGuid().ToString("N")[..12]));

    [Fact]
    public void A_key_is_escaped_so_characters_tables_forbid_cannot_reach_the_service()
    {
        var escaped = TableSendRecordStore.Escape("inst/1\\x#y?z:\u0001");

        Assert.DoesNotContain(escaped, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }
}
