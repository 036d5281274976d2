using System.Net.Http;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>Exactly-once end to end on the Azure Table store (Azurite) and the fake SendGrid server.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStoreDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private readonly TableSendRecordStore _records =
        new(new TableClient(azurite.ConnectionString, "deliveries" + Guid.NewGuid().ToString("N")[..12]));

    private FakeSendGridServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSendGridServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_attempts_of_one_notification_mail_once()
    {
        var sender = Sender(_records);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                return await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);
            }
            catch (NotificationInFlightException)
            {
                return null;
            }
        }));

        Assert.Single(_server.Requests);
        Assert.Single(attempts, a => a is DeliveryResult.Delivered);
        Assert.IsType<DeliveryResult.AlreadySent>(await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None));
    }

    [Fact]
    public async Task A_crash_after_SendGrid_accepted_leaves_one_email_and_an_uncertain_record_staff_can_list()
    {
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Sender(new CrashOnCompletionStore(_records)).SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(16));

        var retried = await Sender(_records).SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        Assert.IsType<DeliveryResult.Uncertain>(retried);
        Assert.Single(_server.Requests);
        Assert.Equal(SendStatus.Uncertain, Assert.Single(await _records.ListNotDeliveredAsync("PGD-2026-000042", CancellationToken.None)).Status);
    }

    private NotificationSender Sender(ISendRecordStore records)
    {
        var options = new EmailOptions { SendGridApiKey = "SG.test-key", SendGridHost = _server.Host };
        var transport = new SendGridTransport(
            SendGridTransport.CreateClient(_http, options), options, new RecordingRetryWaiter(_clock), _clock, NullLogger<SendGridTransport>.Instance);
        return new NotificationSender(TemplateModels.Catalog, transport, records, options, _clock, NullLogger<NotificationSender>.Instance);
    }
}
