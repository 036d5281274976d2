using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

public sealed class InMemorySendRecordStoreTests : SendRecordStoreContract
{
    internal override ISendRecordStore Store { get; } = new InMemorySendRecordStore();
}
